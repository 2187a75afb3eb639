// Passkeys (WebAuthn) on the sign-in and account pages. A button with data-passkey="create" or
// "get" asks the server for options (a POST with the form's antiforgery token), lets the browser
// make or use a credential, and posts the browser's answer with its form. No inline script: the
// Content-Security-Policy allows scripts from this site only.
(function () {
  'use strict';

  async function options(form, url) {
    const token = form.querySelector('input[name="__csrf"]');
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { 'X-CSRF-Token': token.value } : {},
    });
    if (!response.ok) {
      throw new Error('The server refused the passkey options (' + response.status + ').');
    }
    return response.json();
  }

  function show(form, problem) {
    const message = form.querySelector('[data-passkey-error]');
    if (message) {
      message.hidden = false;
    }
    console.warn('passkey:', problem);
  }

  document.addEventListener('click', async function (event) {
    const button = event.target.closest('[data-passkey]');
    if (!button) {
      return;
    }
    event.preventDefault();
    const form = button.closest('form');
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
      show(form, 'This browser has no passkey support.');
      return;
    }
    button.disabled = true;
    try {
      const json = await options(form, button.dataset.optionsUrl);
      const credential = button.dataset.passkey === 'create'
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
      form.querySelector('input[name="credentialJson"]').value = JSON.stringify(credential);
      form.submit();
    } catch (problem) {
      button.disabled = false;
      show(form, problem);
    }
  });
})();
