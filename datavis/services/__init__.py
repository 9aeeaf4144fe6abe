"""The services layer: what the views call with plain values. Services never see the
request; they raise :mod:`datavis.errors` domain errors that become JSON answers."""
