// Solves a PayStatus proof-of-work challenge (the ALTCHA format: find the number n in 0..maxnumber
// with SHA-256(salt + n) = challenge) and returns the base64 payload the server verifies. Used by the
// forms that a network has used past its limit; they work again once this is solved.
(function () {
    if (window.payStatusPow) {
        return;
    }
    function hex(buffer) {
        return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
            return ("0" + b.toString(16)).slice(-2);
        }).join("");
    }
    function solve(challenge) {
        var encoder = new TextEncoder();
        var n = 0;
        function next() {
            if (n > challenge.maxnumber) {
                return Promise.reject(new Error("unsolved"));
            }
            var batch = [];
            for (var i = 0; i < 500 && n <= challenge.maxnumber; i++, n++) {
                batch.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n)));
            }
            var first = n - batch.length;
            return Promise.all(batch).then(function (hashes) {
                for (var j = 0; j < hashes.length; j++) {
                    if (hex(hashes[j]) === challenge.challenge) {
                        return btoa(JSON.stringify({
                            algorithm: challenge.algorithm,
                            challenge: challenge.challenge,
                            number: first + j,
                            salt: challenge.salt,
                            signature: challenge.signature
                        }));
                    }
                }
                return next();
            });
        }
        return next();
    }
    window.payStatusPow = {solve: solve};
    // A form with data-pow-challenge: solve, put the answer into its altcha field, and send it.
    document.querySelectorAll("form[data-pow-challenge]").forEach(function (form) {
        if (!window.crypto || !crypto.subtle) {
            return;
        }
        solve(JSON.parse(form.getAttribute("data-pow-challenge"))).then(function (payload) {
            form.querySelector("input[name=altcha]").value = payload;
            form.submit();
        });
    });
})();
