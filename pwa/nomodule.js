// Browsers without ES modules (Internet Explorer / 兼容模式, Chromium < 61) never run the app's
// module scripts: show the message in index.html at once (its CSS shows it after a few seconds
// anyway, and IE shows it from the start). Written into the build by scripts/post-build.mjs. ES3.
(function () {
  var box = document.getElementById('xxgk-unsupported');
  if (box) box.className = 'xxgk-unsupported xxgk-show';
})();
