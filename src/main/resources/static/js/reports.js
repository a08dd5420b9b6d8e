// Progressive enhancement of 「我也遇到了」: the form works without this (a post and a redirect to a
// page that says what is known); with it, the report goes as JSON and the answer shows in the card,
// without a reload. Loaded once per card; listens once, on the document, so that content replaced
// by live.js keeps working.
(function () {
    if (window.payStatusReports) {
        return;
    }
    window.payStatusReports = true;
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.classList || !form.classList.contains("report-form") || !window.fetch || !event.submitter) {
            return;
        }
        event.preventDefault();
        var answer = form.parentNode.querySelector(".report-answer");
        var symptom = event.submitter.value;
        function send(altcha) {
            return fetch(form.getAttribute("data-api"), {
                method: "POST",
                headers: {"Content-Type": "application/json", "Accept": "application/json"},
                body: JSON.stringify(altcha ? {symptom: symptom, altcha: altcha} : {symptom: symptom}),
                credentials: "same-origin"
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            });
        }
        send(null).then(function (body) {
            // past the network's limit: solve the challenge (pow.js) and send the report again, once
            if (body.challenge && !body.counted && window.payStatusPow) {
                return window.payStatusPow.solve(body.challenge).then(send, function () {
                    return body;
                });
            }
            return body;
        }).then(function (body) {
            answer.textContent = "";
            var message = document.createElement("p");
            message.textContent = body.message;
            answer.appendChild(message);
            if (body.checks && body.checks.length) {
                var list = document.createElement("ul");
                body.checks.forEach(function (check) {
                    var item = document.createElement("li");
                    item.textContent = check;
                    list.appendChild(item);
                });
                answer.appendChild(list);
            }
            answer.hidden = false;
            form.hidden = true;
        }, function () {
            // the JSON door failed: fall back to the plain form post, with the chosen symptom
            var chosen = document.createElement("input");
            chosen.type = "hidden";
            chosen.name = "symptom";
            chosen.value = event.submitter.value;
            form.appendChild(chosen);
            form.submit();
        });
    });
})();
