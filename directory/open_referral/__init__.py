"""The directory as Open Referral UK 3.0 open data: a read-only JSON API at /open-referral/."""
