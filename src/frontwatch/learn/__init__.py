"""Training of frontwatch's learned components, on the team-written corpus under `train/corpus` only.

Nothing here runs in the pipeline: the models it writes ship as package data of their stage and run with
onnxruntime and tokenizers alone. Training needs the `[train]` extra (torch, transformers, onnx and the
base encoder's weights).
"""
