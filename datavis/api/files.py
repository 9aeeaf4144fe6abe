"""Datasets: upload a CSV, list, read the profile and sample rows, delete."""

from datavis.api.blueprint import Blueprint
from datavis.api.schemas import Error, FileDetail, FileList, FileOut, FilesQuery, FileUpload
from datavis.services import datasets

blp = Blueprint("files", __name__, url_prefix="/files", description="CSV datasets")


@blp.route("", methods=["POST"])
@blp.arguments(FileUpload, location="files")
@blp.response(201, FileOut)
@blp.alt_response(400, schema=Error, description="empty, malformed, non-UTF-8 or over-limit CSV")
@blp.alt_response(413, schema=Error, description="larger than MAX_UPLOAD_MB")
@blp.alt_response(415, schema=Error, description="not a CSV file")
def upload(args):
    """Upload a CSV file (multipart field ``file``); it is profiled and stored once."""
    upload = args["file"]
    return datasets.upload(upload.stream, upload.filename, upload.mimetype)


@blp.route("", methods=["GET"])
@blp.arguments(FilesQuery, location="query")
@blp.response(200, FileList)
def list_files(args):
    """List the uploaded datasets, newest first, a page at a time (``next_cursor``)."""
    return datasets.list_files(args["limit"], args["cursor"])


@blp.route("/<file_id>", methods=["GET"])
@blp.response(200, FileDetail)
@blp.alt_response(404, schema=Error, description="no such file")
def get_file(file_id):
    """A dataset's columns (with types), row count and first rows."""
    return datasets.get_file(file_id)


@blp.route("/<file_id>", methods=["DELETE"])
@blp.response(204)
@blp.alt_response(404, schema=Error, description="no such file")
def delete_file(file_id):
    """Delete a dataset and everything derived from it: its chats (messages, tasks,
    charts), rendered images and cached connections."""
    datasets.delete_file(file_id)
