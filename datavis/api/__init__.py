"""The public REST API (flask-smorest): datasets, chats, questions, tasks, charts, events."""
from .analyze import blp as analyze_blp
from .charts import blp as charts_blp
from .chats import blp as chats_blp
from .events import blp as events_blp
from .files import blp as files_blp

blueprints = (files_blp, chats_blp, events_blp, analyze_blp, charts_blp)
