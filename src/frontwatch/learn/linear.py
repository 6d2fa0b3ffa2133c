"""What training the linear models shares (`frontwatch.linear` scores them at run time): logistic
regression by gradient descent, weights files whose bytes depend on the weights alone, and the model card."""

from __future__ import annotations

import hashlib
import platform
import zipfile
from collections.abc import Iterable, Mapping
from importlib import metadata
from io import BytesIO
from pathlib import Path

import numpy as np


def fit(
    x: np.ndarray,
    y: np.ndarray,
    *,
    steps: int,
    rate: float,
    l2: float,
    balanced: bool = True,
    intercept: bool = True,
) -> tuple[np.ndarray, float]:
    """Weights and bias minimising the log loss (each class weighing half when `balanced`, else the mean)
    plus L2 on the weights, by gradient descent with Nesterov momentum: the loss is smooth and convex, so a
    fixed number of steps is deterministic. Without `intercept` the bias stays 0 (a model whose rows carry
    a bias feature of their own)."""
    if intercept:
        x = np.hstack([x, np.ones((len(x), 1))])  # the bias as a last column, left out of the L2 term
    keep = np.ones(x.shape[1])
    if intercept:
        keep[-1] = 0.0
    sample = np.where(y == 1, 0.5 / max(1, int(y.sum())), 0.5 / max(1, int((1 - y).sum())))
    theta = np.zeros(x.shape[1])
    ahead = theta.copy()
    n = len(x)
    for k in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ ahead)))
        loss_grad = x.T @ (sample * (p - y)) if balanced else x.T @ (p - y) / n
        grad = loss_grad + l2 * keep * ahead if intercept else loss_grad + l2 * ahead
        nxt = ahead - rate * grad
        ahead = nxt + (k / (k + 3)) * (nxt - theta)
        theta = nxt
    return (theta[:-1], float(theta[-1])) if intercept else (theta, 0.0)


def probabilities(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def write_weights(path: Path, w: np.ndarray, b: float) -> None:
    """An .npz whose bytes depend on the weights only (numpy's own stamps the time into the zip)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, value in (("weights", w), ("bias", np.array(b))):
            buf = BytesIO()
            np.save(buf, value, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, buf.getvalue())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def library_versions(*packages: str) -> dict[str, str]:
    return {"python": platform.python_version(), **{p: metadata.version(p) for p in packages}}


def pairs(items: Mapping[str, object]) -> str:
    return ", ".join(f"{k} {v}" for k, v in items.items())


def card_text(
    title: str, intro: Iterable[str], card: dict, label_counts: str, more: Iterable[str] = ()
) -> str:
    """A model card's Markdown: the title, what the model does, then the card's figures, one line each."""
    data = card["training data"]
    lines = [
        f"# {title}",
        "",
        *intro,
        "",
        f"- training data: `{data['corpus']}`, sha256 `{data['sha256']}`",
        f"- held-out batches: {', '.join(data['held-out batches'])}",
        f"- label counts: {label_counts}",
        "- held-out: " + pairs(card["held-out scores"]),
        *more,
        *(f"- {key}: " + pairs(card[key]) for key in ("features", "training") if key in card),
        "- files: " + ", ".join(f"`{k}` sha256 `{v}`" for k, v in card["files"].items()),
        "- library versions: " + pairs(card["library versions"]),
        "",
    ]
    return "\n".join(lines)
