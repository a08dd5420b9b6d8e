// Progressive enhancement: the link is already shown in a field; this adds a working copy button.
// Runs again on the new content when live.js replaces the page's main part.
(function () {
    function enhance(root) {
        root.querySelectorAll("button.copy[data-copy-target]").forEach(function (button) {
            var field = document.getElementById(button.getAttribute("data-copy-target"));
            if (!field || !navigator.clipboard) {
                return;
            }
            button.hidden = false;
            var label = button.textContent;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(field.value).then(function () {
                    button.textContent = button.getAttribute("data-copied");
                    setTimeout(function () { button.textContent = label; }, 2000);
                }, function () {
                    field.select();
                });
            });
        });
    }
    enhance(document);
    document.addEventListener("paystatus:updated", function (event) {
        enhance(event.target);
    });
})();
