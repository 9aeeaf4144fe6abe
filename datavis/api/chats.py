"""Chats bound to a dataset, and their messages."""

from datavis.api.blueprint import Blueprint
from datavis.api.schemas import ChatIn, ChatOut, Error, MessageList, MessagesQuery
from datavis.services import chat

blp = Blueprint("chats", __name__, url_prefix="/chats", description="Chats and messages")


@blp.route("", methods=["POST"])
@blp.arguments(ChatIn)
@blp.response(201, ChatOut)
@blp.alt_response(404, schema=Error, description="no such file")
@blp.alt_response(409, schema=Error, description="a chat with that id exists")
def create_chat(args):
    """Start a chat about a dataset (``id`` optional: frontends may choose their own)."""
    return chat.create_chat(args["file_id"], args["title"], args["id"])


@blp.route("/<chat_id>", methods=["GET"])
@blp.response(200, ChatOut)
@blp.alt_response(404, schema=Error, description="no such chat")
def get_chat(chat_id):
    """A chat."""
    return chat.get_chat(chat_id)


@blp.route("/<chat_id>/messages", methods=["GET"])
@blp.arguments(MessagesQuery, location="query")
@blp.response(200, MessageList)
@blp.alt_response(404, schema=Error, description="no such chat")
def list_messages(args, chat_id):
    """The chat's messages, oldest first, a page at a time; ``after`` returns only newer
    ones (for polling and for the next page, ``next_after``)."""
    return chat.list_messages(chat_id, args["after"], args["limit"])
