// c2c: small enhancements only; every page works without this script.
// - a "Confirm" button asks once more before a final move (terminate);
// - date fields default to today when empty and marked data-today.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  var today = new Date().toISOString().slice(0, 10);
  document.querySelectorAll("input[type=date][data-today]").forEach(function (input) {
    if (!input.value) {
      input.value = today;
    }
  });
});
