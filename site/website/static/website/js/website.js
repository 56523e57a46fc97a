// Progressive enhancement for GOV.UK Frontend components. Loaded as
// <script type="module">, so only browsers GOV.UK Frontend supports run it;
// no inline script is needed under the Content Security Policy.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
