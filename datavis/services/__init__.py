"""The services layer: what the views call with plain values. Services never see the
request, build no URL and own no route; they raise :mod:`datavis.domain_errors`, which
:mod:`datavis.errors` turns into JSON answers."""
