"""The public REST API (flask-smorest): datasets, chats, questions, tasks, charts."""
from .analyze import blp as analyze_blp
from .charts import blp as charts_blp
from .chats import blp as chats_blp
from .files import blp as files_blp

blueprints = (files_blp, chats_blp, analyze_blp, charts_blp)
