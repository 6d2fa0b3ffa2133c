"""Language of a document, from py3langid (its model ships in the package)."""

from __future__ import annotations

from functools import cache

SAMPLE_CHARS = 3000  # enough for a stable guess; long articles cost no more


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, min_probability: float = 0.5) -> str | None:
    """ISO 639-1 code, or None for text too short or too mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= min_probability else None
