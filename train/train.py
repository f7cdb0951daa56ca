"""Train the attribution model from PolNeAR train and write it where ``extract.learned`` loads it.

    python -m train.train POLNEAR_TRAIN_DIR MODEL_DIR [--work DIR] [--seed 0]

1. ``train.convert``: parse the articles the way production does, with their
   gold spans; every tenth article is held out for picking the checkpoint.
2. ``spacy train train/config.cfg``: the shared encoder and the cue, source
   and content recognizers.
3. ``quotedb_links``: the rankers that group spans into attributions,
   fitted on the gold spans of the same articles.
The best checkpoint with the links component goes to MODEL_DIR (its
vocabulary reduced to the span labels), with the seed, the data and the wall
time of each step in its ``meta.json``.
"""
from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin

import train.corpus  # noqa: F401  (registers the reader and the model's parts)
from extract import learned
from extract.learned_links import LinkComponent
from train import convert

CONFIG = Path(__file__).parent / "config.cfg"


def convert_split(polnear_train: Path, work: Path) -> tuple[Path, Path]:
    """Parsed training and holdout Docs with gold spans, written once into ``work``."""
    fit, holdout = work / "train.spacy", work / "holdout.spacy"
    if not (fit.exists() and holdout.exists()):
        articles = convert.read_split(polnear_train)
        nlp = convert.production_pipeline()
        bins = {False: DocBin(store_user_data=True), True: DocBin(store_user_data=True)}
        for i, doc in enumerate(convert.parsed_docs(nlp, articles)):
            bins[convert.is_holdout(i)].add(doc)
        work.mkdir(parents=True, exist_ok=True)
        bins[False].to_disk(fit)
        bins[True].to_disk(holdout)
    return fit, holdout


def train_recognizers(fit: Path, holdout: Path, work: Path, seed: int) -> Path:
    """``spacy train`` on the converted Docs; the best checkpoint's folder."""
    output = work / "recognizers"
    shutil.rmtree(output, ignore_errors=True)
    spacy_train(CONFIG, output, overrides={"paths.train": str(fit), "paths.dev": str(holdout),
                                           "system.seed": seed})
    return output / "model-best"


def add_links(recognizers: Path, fit: Path, seed: int) -> spacy.language.Language:
    """The recognizers with the ``quotedb_links`` component fitted on the gold spans."""
    nlp = spacy.load(recognizers)
    links: LinkComponent = nlp.add_pipe("quotedb_links")
    docs = list(DocBin().from_disk(fit).get_docs(nlp.vocab))
    print("links:", links.fit(docs, seed=seed))
    return nlp


def without_words(nlp: spacy.language.Language) -> None:
    """Keep only the span labels in the vocabulary that is saved.

    The model reads hashes of the words, not the words: no word list of the
    training articles ships with it.
    """
    labels = [label for _, pipe in nlp.pipeline for label in getattr(pipe, "labels", ())]
    nlp.vocab.strings._reset_and_load(labels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear_train", type=Path)
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--work", type=Path, default=Path("build/train"))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    times = {}
    start = time.time()
    fit, holdout = convert_split(args.polnear_train, args.work)
    times["convert_s"] = round(time.time() - start)
    recognizers = train_recognizers(fit, holdout, args.work, args.seed)
    times["recognizers_s"] = round(time.time() - start) - times["convert_s"]
    nlp = add_links(recognizers, fit, args.seed)
    times["total_s"] = round(time.time() - start)
    nlp.meta.update({"name": "quotedb_attribution", "version": learned.VERSION,
                     "description": "Cue, source and content spans of attributions (PolNeAR train)",
                     "quotedb": {"seed": args.seed, "data": "PolNeAR train", **times}})
    without_words(nlp)
    shutil.rmtree(args.model_dir, ignore_errors=True)
    args.model_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.model_dir)
    print(f"{args.model_dir}: {times}")


if __name__ == "__main__":
    main()
