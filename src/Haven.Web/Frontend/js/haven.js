// Loaded as a module, so browsers too old for GOV.UK Frontend's JavaScript skip it and keep the
// working no-JavaScript pages. The inline script in _Layout.cshtml adds `govuk-frontend-supported`
// for the same browsers.
import { initAll } from '/static/govuk-frontend.min.js'

initAll()
