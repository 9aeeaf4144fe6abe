"""datavis.analysis: plain-English questions about a CSV dataset → safe SQL → a Vega-Lite
chart → an insight quoting real numbers, with or without an LLM.

    ingest_csv(csv_path, dataset_dir, name=..., limits=IngestLimits()) -> Dataset
    load_dataset(dataset_dir) -> Dataset
    answer(dataset_dir, question, *, previous=None, is_follow_up=False, settings=AnalysisSettings()) -> Answer
    revise(dataset_dir, previous_state, edit, settings=AnalysisSettings()) -> Answer   # one plan edit
    render(spec, "png" | "svg") -> bytes
    forget(dataset_dir)                                  # close this process's handle
"""
from .datasets.ingest import ingest_csv, load_dataset
from .engine import answer
from .errors import AnalysisError, BadDataset, TransientAnalysisError, Unanswerable, UnsafeQuery
from .models import AnalysisSettings, Answer, Dataset, IngestLimits
from .presentation.render import render
from .revise import revise
from .sql.sandbox import forget

__all__ = [
    "AnalysisError", "AnalysisSettings", "Answer", "BadDataset", "Dataset", "IngestLimits", "TransientAnalysisError",
    "Unanswerable", "UnsafeQuery", "answer", "forget", "ingest_csv", "load_dataset", "render", "revise",
]
