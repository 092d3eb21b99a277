/*
 * A button with data-copy-from copies the text of the element of that id to the clipboard and says so in
 * the element named by data-copy-status. Where the browser gives no clipboard (a page not served over
 * HTTPS), the text is selected instead, for the visitor to copy with the keyboard.
 */
(function () {
    'use strict';

    function select(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    function say(status, text) {
        status.textContent = text;
        window.clearTimeout(status.copyTimer);
        status.copyTimer = window.setTimeout(function () { status.textContent = ''; }, 5000);
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy-from]') : null;
        if (!button) {
            return;
        }
        var source = document.getElementById(button.getAttribute('data-copy-from'));
        var status = document.getElementById(button.getAttribute('data-copy-status'));
        var text = source.textContent.trim();
        var fallBack = function () {
            select(source);
            say(status, button.getAttribute('data-copy-failed'));
        };
        if (!navigator.clipboard || !window.isSecureContext) {
            fallBack();
            return;
        }
        navigator.clipboard.writeText(text).then(function () {
            say(status, button.getAttribute('data-copied'));
        }, fallBack);
    });
}());
