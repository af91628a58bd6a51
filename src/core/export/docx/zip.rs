//! The zip container a .docx is: entries in order, each stored or deflated, with its CRC-32.
//!
//! Only what a Word document needs: no directories, no encryption, no zip64 (a report is far below
//! 4 GB), a fixed timestamp (1980-01-01) so the same report gives the same bytes. Text parts are
//! deflated; photos, already compressed, are stored.

/// How an entry's bytes are kept.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Method {
    Stored,
    Deflated,
}

struct Entry {
    name: String,
    method: Method,
    crc: u32,
    size: u32,
    compressed_size: u32,
    offset: u32,
}

/// Writes a zip archive entry by entry.
pub struct ZipWriter {
    out: Vec<u8>,
    entries: Vec<Entry>,
}

/// Level 6 is zlib's default: most of the gain of 9 at a fraction of its time.
const DEFLATE_LEVEL: u8 = 6;
/// 1980-01-01 00:00 in MS-DOS date and time.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

impl ZipWriter {
    pub fn new() -> Self {
        ZipWriter { out: Vec::with_capacity(64 * 1024), entries: Vec::new() }
    }

    /// Adds `bytes` under `name` (ASCII, with `/` between folders).
    pub fn add(&mut self, name: &str, bytes: &[u8], method: Method) {
        let deflated;
        let (data, method) = match method {
            Method::Stored => (bytes, Method::Stored),
            Method::Deflated => {
                deflated = miniz_oxide::deflate::compress_to_vec(bytes, DEFLATE_LEVEL);
                (deflated.as_slice(), Method::Deflated)
            }
        };
        let entry = Entry {
            name: name.to_owned(),
            method,
            crc: crc32(bytes),
            size: bytes.len() as u32,
            compressed_size: data.len() as u32,
            offset: self.out.len() as u32,
        };
        self.u32(0x0403_4b50);
        self.entry_fields(&entry);
        self.u16(0); // extra field length
        self.out.extend_from_slice(entry.name.as_bytes());
        self.out.extend_from_slice(data);
        self.entries.push(entry);
    }

    /// The archive: the entries, then the central directory that lists them.
    pub fn finish(mut self) -> Vec<u8> {
        let directory_start = self.out.len() as u32;
        let entries = std::mem::take(&mut self.entries);
        for entry in &entries {
            self.u32(0x0201_4b50);
            self.u16(20); // made by: version 2.0
            self.entry_fields(entry);
            self.u16(0); // extra field length
            self.u16(0); // comment length
            self.u16(0); // disk number
            self.u16(0); // internal attributes
            self.u32(0); // external attributes
            self.u32(entry.offset);
            self.out.extend_from_slice(entry.name.as_bytes());
        }
        let directory_size = self.out.len() as u32 - directory_start;
        self.u32(0x0605_4b50);
        self.u16(0); // this disk
        self.u16(0); // disk where the directory starts
        self.u16(entries.len() as u16);
        self.u16(entries.len() as u16);
        self.u32(directory_size);
        self.u32(directory_start);
        self.u16(0); // comment length
        self.out
    }

    /// The fields a local header and a directory entry share, up to the name's length.
    fn entry_fields(&mut self, entry: &Entry) {
        self.u16(20); // version needed: 2.0 (deflate)
        self.u16(0); // flags
        self.u16(match entry.method {
            Method::Stored => 0,
            Method::Deflated => 8,
        });
        self.u16(DOS_TIME);
        self.u16(DOS_DATE);
        self.u32(entry.crc);
        self.u32(entry.compressed_size);
        self.u32(entry.size);
        self.u16(entry.name.len() as u16);
    }

    fn u16(&mut self, n: u16) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn u32(&mut self, n: u32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }
}

impl Default for ZipWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// The CRC-32 table (polynomial 0xEDB88320), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 zip records for each entry.
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_lists_its_entries_in_its_directory() {
        let mut zip = ZipWriter::new();
        zip.add("a.txt", b"hello hello hello hello", Method::Deflated);
        zip.add("b/c.bin", &[0, 1, 2], Method::Stored);
        let bytes = zip.finish();
        assert_eq!(&bytes[..4], &[0x50, 0x4b, 0x03, 0x04]);
        let end = bytes.len() - 22;
        assert_eq!(&bytes[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]), 2, "two entries");
        let directory = u32::from_le_bytes([bytes[end + 16], bytes[end + 17], bytes[end + 18], bytes[end + 19]]);
        assert_eq!(&bytes[directory as usize..directory as usize + 4], &[0x50, 0x4b, 0x01, 0x02]);
    }
}
