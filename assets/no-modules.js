// Runs only in browsers that cannot run module scripts (and so cannot run Taqrir): the loading
// screen says so instead of staying on "Loading".
document.documentElement.className += ' boot-failed';
