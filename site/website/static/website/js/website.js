// Progressive enhancement for GOV.UK Frontend components. Loaded as
// <script type="module">, so only browsers GOV.UK Frontend supports run it;
// no inline script is needed under the Content Security Policy.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();

// reCAPTCHA v3, only where a public form asks for it (keys configured). It never blocks
// sending: if Google's script does not load or answer within 5 seconds, the form is sent
// without a token and the submission is held for review instead.
const recaptchaInputs = document.querySelectorAll("input[data-recaptcha-site-key]");
if (recaptchaInputs.length) {
  const siteKey = recaptchaInputs[0].dataset.recaptchaSiteKey;
  const script = document.createElement("script");
  script.src = `https://www.google.com/recaptcha/api.js?render=${encodeURIComponent(siteKey)}`;
  script.async = true;
  document.head.append(script);

  recaptchaInputs.forEach((input) => {
    const form = input.form;
    let sending = false;
    form.addEventListener("submit", (event) => {
      if (sending) return;
      event.preventDefault();
      sending = true;
      const send = () => form.submit();
      const fallback = window.setTimeout(send, 5000);
      if (!window.grecaptcha) return;
      window.grecaptcha.ready(() => {
        window.grecaptcha.execute(siteKey, { action: "submit" }).then((token) => {
          window.clearTimeout(fallback);
          input.value = token;
          send();
        }, send);
      });
    });
  });
}
