"""The public-form toolkit: every resident form gets its spam, replay and abuse defences here.

A form mixes in `PublicFormMixin`; its view calls `rate_limit_check` before validating and
`submission_screen` after, then hands the screening to its app's service, which stores the row
with `submission_store`. `PublicFormView` wires that up for a plain Django view.
"""
