// The header's menu and search buttons (partials/header.html): each clicks
// the hidden checkbox that Material's label was for, so Material's own script
// and CSS see the same change as from a click on the label. An opened search
// takes the focus, which would otherwise stay on the button under it.
for (const button of document.querySelectorAll("[data-md-toggle-for]")) {
  const toggle = document.getElementById(button.dataset.mdToggleFor);
  if (!toggle) continue;
  button.addEventListener("click", () => {
    toggle.click();
    if (toggle.checked && toggle.dataset.mdToggle === "search") {
      document.querySelector("[data-md-component='search-query']")?.focus();
    }
  });
}
