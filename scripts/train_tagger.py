"""Train the Dutch UPOS/morphology/lemma pipeline in models/nl_ud_tagger/ from UD data.

    python scripts/train_tagger.py [UD_DIR]      # UD_DIR defaults to ../shared/ud (from the repo root)

Converts the CoNLL-U files with `spacy convert` into a temporary folder outside the repository,
trains models/nl_ud_tagger.cfg on alpino-dev + lassy-dev + lassy-test, evaluates on alpino-test,
copies spaCy's model-best to models/nl_ud_tagger/ and writes the measured accuracy and speed to
models/nl_ud_tagger/accuracy.json. The .conllu files and .spacy corpora never enter the repo.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "models" / "nl_ud_tagger.cfg"
OUT = REPO / "models" / "nl_ud_tagger"
TRAIN = ["alpino-dev", "lassy-dev", "lassy-test"]
TEST = "alpino-test"
KEEP = {"LICENSE", "README.md"}  # hand-written files in OUT that a retrain keeps


def spacy(*args, threads="2"):
    env = dict(os.environ, OMP_NUM_THREADS=threads, OPENBLAS_NUM_THREADS=threads,
               MKL_NUM_THREADS=threads)
    cmd = [sys.executable, "-m", "spacy", *map(str, args)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)


def speed(model, texts, passes=10):
    """Tokens/s of nlp.pipe over texts, one process and thread: best and median of `passes`.

    Each pass loads a fresh pipeline, so the tokenizer's cache starts empty every time.
    """
    import spacy as sp

    rates = []
    for _ in range(passes):
        nlp = sp.blank("nl") if model is None else sp.load(model)
        start = time.perf_counter()
        n = sum(len(doc) for doc in nlp.pipe(texts))
        rates.append(n / (time.perf_counter() - start))
    return n, round(max(rates)), round(statistics.median(rates))


def measure_speed(ud):
    texts = [line[len("# text = "):].rstrip("\n")
             for line in open(ud / f"{TEST}.conllu", encoding="utf-8")
             if line.startswith("# text = ")]
    os.environ.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    n_tok, model_tps, model_med = speed(OUT, texts)
    _, blank_tps, blank_med = speed(None, texts)
    return {"text": f"{TEST}.conllu '# text' lines", "sentences": len(texts), "tokens": n_tok,
            "processes": 1, "threads": 1, "passes": 10,
            "model_tokens_per_s": model_tps, "model_median": model_med,
            "blank_nl_tokens_per_s": blank_tps, "blank_nl_median": blank_med,
            "blank_over_model": round(blank_tps / model_tps, 1)}


def sp_config(path=CONFIG):
    from spacy.util import load_config

    return load_config(path, interpolate=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ud_dir", nargs="?", default=str(REPO / ".." / "shared" / "ud"))
    ap.add_argument("--max-steps", type=int, help="override training.max_steps of the config")
    ap.add_argument("--speed-only", action="store_true",
                    help="only re-measure the speed of the model in models/nl_ud_tagger/")
    args = ap.parse_args()
    ud = Path(args.ud_dir).resolve()
    if args.speed_only:
        result = json.loads((OUT / "accuracy.json").read_text())
        result["speed"] = measure_speed(ud)
        (OUT / "accuracy.json").write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result["speed"], indent=2))
        return

    work = Path(tempfile.mkdtemp(prefix="udtrain-"))
    for name in TRAIN + [TEST]:
        dest = work / ("dev" if name == TEST else "train")
        dest.mkdir(exist_ok=True)
        spacy("convert", ud / f"{name}.conllu", dest, "-c", "conllu", "-n", "10", "-l", "nl")

    start = time.time()
    steps = [] if args.max_steps is None else ["--training.max_steps", args.max_steps]
    spacy("train", CONFIG, "--output", work / "out", "--paths.train", work / "train",
          "--paths.dev", work / "dev", *steps)
    train_minutes = round((time.time() - start) / 60, 1)

    OUT.mkdir(parents=True, exist_ok=True)
    for p in OUT.iterdir():
        if p.name not in KEEP:
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    best = work / "out" / "model-best"
    for p in best.iterdir():
        (shutil.copytree if p.is_dir() else shutil.copy2)(p, OUT / p.name)
    cfg = sp_config(OUT / "config.cfg")  # drop the temporary corpus paths
    cfg["paths"].update(train=None, dev=None)
    cfg.to_disk(OUT / "config.cfg")
    meta = json.loads((OUT / "meta.json").read_text())
    meta.update(name="ud_tagger", version="1.0.0", license="CC BY-SA 4.0",
                author="derived from UD_Dutch-Alpino and UD_Dutch-LassySmall "
                       "(Gosse Bouma, Gertjan van Noord, University of Groningen)",
                description="Dutch UPOS, morphology, XPOS and lemmas trained on UD "
                            "alpino-dev + lassy-dev + lassy-test; see README.md")
    (OUT / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")

    scores = work / "eval.json"
    spacy("evaluate", OUT, work / "dev", "--output", scores, threads="1")
    s = json.loads(scores.read_text())

    result = {
        "train": [f"{n}.conllu" for n in TRAIN], "test": f"{TEST}.conllu",
        "max_steps": args.max_steps or sp_config()["training"]["max_steps"],
        "train_minutes": train_minutes,
        "token_acc": round(s["token_acc"], 4), "pos_acc": round(s["pos_acc"], 4),
        "morph_acc": round(s["morph_acc"], 4), "lemma_acc": round(s["lemma_acc"], 4),
        "tag_acc": None if s.get("tag_acc") is None else round(s["tag_acc"], 4),
        "speed": measure_speed(ud),
        "spacy": meta["spacy_version"],
    }
    (OUT / "accuracy.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
