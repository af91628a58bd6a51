//! Typed field paths: every field the editor shows has an id of its own that reads back to its
//! path, and the ids are the ones links and tests already use. (That every check points at a
//! field the editor shows is tested with the checks.)

use std::collections::HashSet;
use taqrir::core::field::*;
use taqrir::core::report::*;

/// A report with two rows in every list and two photos in an attachment.
fn every_list_filled() -> Report {
    let mut report = Report::blank();
    fn two<T: Default>(list: &mut Vec<T>) {
        while list.len() < 2 {
            list.push(T::default());
        }
    }
    two(&mut report.extra_sections);
    two(&mut report.facilitators);
    two(&mut report.speakers);
    two(&mut report.participants.governorates);
    two(&mut report.participants.categories);
    two(&mut report.objectives);
    two(&mut report.agenda);
    two(&mut report.discussion_points);
    two(&mut report.working_groups);
    two(&mut report.results);
    two(&mut report.recommendations);
    two(&mut report.attachments);
    report.attachments[1].photos =
        vec![PhotoRef { id: "p1".into(), caption: "One".into() }, PhotoRef { id: "p2".into(), caption: "Two".into() }];
    report
}

#[test]
fn every_field_has_an_id_of_its_own_that_reads_back_to_it() {
    let report = every_list_filled();
    let all = FieldPath::all_in(&report);
    let ids: HashSet<String> = all.iter().map(FieldPath::id).collect();
    assert_eq!(ids.len(), all.len(), "two fields share an id");
    for path in &all {
        assert_eq!(FieldPath::parse(&path.id()), Some(*path), "{path:?} → {}", path.id());
    }
    // Every kind of row field is there.
    for list in List::ALL {
        let name = list.name();
        assert!(ids.iter().any(|id| id.starts_with(&format!("field-{name}-1-"))), "no second row of {name}");
    }
    assert!(ids.contains("field-attachments-1-photo-1-caption"));
    assert!(ids.contains("field-sign_off-approved_by-date"));
}

#[test]
fn ids_are_the_ones_the_page_has_always_used() {
    let known = [
        (FieldPath::Report(ReportField::Title), "field-title"),
        (FieldPath::Report(ReportField::StartTime), "field-start_time"),
        (FieldPath::Participants(Figure::Total), "field-participants-total"),
        (FieldPath::Participants(Figure::SexNotRecorded), "field-participants-sex_not_recorded"),
        (TextList::Objectives.at(0), "field-objectives-0-text"),
        (AgendaField::Start.at(3), "field-agenda-3-start"),
        (CategoryField::Count.at(1), "field-participants-categories-1-count"),
        (GovernorateField::Name.at(0), "field-participants-governorates-0-name"),
        (WorkingGroupField::MemberCount.at(2), "field-working_groups-2-member_count"),
        (DiscussionPointField::Details.at(0), "field-discussion_points-0-details"),
        (SectionField::Text.at(4), "field-extra_sections-4-text"),
        (AttachmentField::Photo.at(0), "field-attachments-0-photo"),
        (FieldPath::PhotoCaption { attachment: 2, photo: 0 }, "field-attachments-2-photo-0-caption"),
        (FieldPath::AddRow(List::Objectives), "add-objectives"),
        (FieldPath::AddRow(List::Governorates), "add-participants-governorates"),
    ];
    for (path, id) in known {
        assert_eq!(path.id(), id);
        assert_eq!(path.to_string(), id);
    }
}

#[test]
fn ids_that_name_no_field_are_not_read() {
    for id in [
        "field-titel",
        "field-agenda-x-start",
        "field-agenda-01-start",
        "field-agenda-0-starts",
        "field-objectives-0-heading",
        "field-participants-everyone",
        "add-agendas",
        "title",
        "field-attachments-0-photo-x-caption",
    ] {
        assert_eq!(FieldPath::parse(id), None, "{id}");
    }
}

#[test]
fn report_fields_are_named_as_in_the_json_document() {
    let json = serde_json::to_value(Report::blank()).expect("serialises");
    for field in ReportField::ALL {
        assert!(json.get(field.name()).is_some(), "{} is not a report field", field.name());
    }
    for figure in Figure::ALL {
        assert!(json["participants"].get(figure.name()).is_some(), "{} is not a figure", figure.name());
    }
}
