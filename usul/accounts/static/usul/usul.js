// The few behaviours of Usul's pages that need a script. Served as a file of Usul's own: the
// content security policy allows no inline script or event attribute (ASVS V3.4.3).
"use strict";
document.addEventListener("click", function (event) {
  var print = event.target.closest("[data-print]");
  if (print) {
    event.preventDefault();
    window.print();
    return;
  }
  var field = event.target.closest("[data-select-on-click]");
  if (field) {
    field.select();
  }
});
document.addEventListener("change", function (event) {
  var control = event.target.closest("[data-autosubmit]");
  if (control && control.form) {
    control.form.requestSubmit ? control.form.requestSubmit() : control.form.submit();
  }
});
