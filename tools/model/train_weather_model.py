#!/usr/bin/python3
"""Trains the Seattle weather classifier and writes it as ONNX, with the fixture the C# tests compare against.

Run from the repository root with Debian's Python (it has numpy and onnx; scikit-learn is not needed):

    /usr/bin/python3 tools/model/train_weather_model.py

Data: data/seattle-weather.csv (see its ATTRIBUTION.md).
Split: trained on 2012-2013, held out 2014-2015 (the example service serves the later days, and winter shifts).
Model: a small multilayer perceptron, 4 -> 16 (tanh) -> 5 (softmax), trained full-batch with Adam and L2 weight decay,
seed 20121. Standardisation (training mean and deviation) is part of the graph, so callers pass raw values.

Writes:
  models/seattle-weather/seattle-weather.onnx     the model
  models/seattle-weather/metrics.json             accuracies and class counts (quoted in the README next to it)
  tests/MonitorGen.OnnxRuntime.Tests/Fixtures/expected-predictions.csv
                                                  rows and what this script's own float32 forward pass predicts
  tests/MonitorGen.OnnxRuntime.Tests/Fixtures/reshape-fails-above-one.onnx
                                                  a tiny model that fails inside ONNX Runtime for some inputs (the
                                                  tests' model fault), see build_failing_model
"""
import csv
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "data", "seattle-weather.csv")
MODEL_DIR = os.path.join(ROOT, "models", "seattle-weather")
FIXTURES = os.path.join(ROOT, "tests", "MonitorGen.OnnxRuntime.Tests", "Fixtures")
FIXTURE = os.path.join(FIXTURES, "expected-predictions.csv")

FEATURES = ["precipitation", "temp_max", "temp_min", "wind"]
# The class index is the value of the `weather` output; the order is that of the example's Weather enum.
CLASSES = ["drizzle", "rain", "sun", "snow", "fog"]
SEED = 20121
HIDDEN = 16
EPOCHS = 3000
LEARNING_RATE = 0.01
WEIGHT_DECAY = 1e-4
OPSET = 17


def load():
    with open(DATA, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[name]) for name in FEATURES] for r in rows], dtype=np.float64)
    y = np.array([CLASSES.index(r["weather"]) for r in rows], dtype=np.int64)
    years = np.array([int(r["date"][:4]) for r in rows])
    dates = [r["date"] for r in rows]
    return x, y, years, dates


def forward(params, z):
    w1, b1, w2, b2 = params
    h = np.tanh(z @ w1 + b1)
    logits = h @ w2 + b2
    logits = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return h, e / e.sum(axis=1, keepdims=True)


def train(z, y):
    rng = np.random.default_rng(SEED)
    n, d = z.shape
    k = len(CLASSES)
    params = [
        rng.normal(0.0, 1.0 / np.sqrt(d), (d, HIDDEN)),
        np.zeros(HIDDEN),
        rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, k)),
        np.zeros(k),
    ]
    onehot = np.eye(k)[y]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, EPOCHS + 1):
        h, p = forward(params, z)
        g_logits = (p - onehot) / n
        g_w2 = h.T @ g_logits + WEIGHT_DECAY * params[2]
        g_b2 = g_logits.sum(axis=0)
        g_h = g_logits @ params[2].T * (1.0 - h * h)
        g_w1 = z.T @ g_h + WEIGHT_DECAY * params[0]
        g_b1 = g_h.sum(axis=0)
        for i, g in enumerate([g_w1, g_b1, g_w2, g_b2]):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            m_hat = m[i] / (1 - beta1 ** step)
            v_hat = v[i] / (1 - beta2 ** step)
            params[i] = params[i] - LEARNING_RATE * m_hat / (np.sqrt(v_hat) + eps)
    return params


def predict32(mean, std, params, x):
    """The graph's computation in float32, as ONNX Runtime does it: what the C# tests must reproduce."""
    z = (x.astype(np.float32) - mean) / std
    w1, b1, w2, b2 = params
    h = np.tanh(z @ w1 + b1)
    logits = h @ w2 + b2
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return p.argmax(axis=1), p.max(axis=1)


def build_graph(mean, std, params, metrics):
    w1, b1, w2, b2 = params
    inputs = [helper.make_tensor_value_info(name, TensorProto.FLOAT, ["N", 1]) for name in FEATURES]
    outputs = [
        helper.make_tensor_value_info("weather", TensorProto.INT64, ["N"]),
        helper.make_tensor_value_info("confidence", TensorProto.FLOAT, ["N"]),
    ]
    initializers = [
        numpy_helper.from_array(mean.reshape(1, -1), "mean"),
        numpy_helper.from_array(std.reshape(1, -1), "std"),
        numpy_helper.from_array(w1, "w1"),
        numpy_helper.from_array(b1, "b1"),
        numpy_helper.from_array(w2, "w2"),
        numpy_helper.from_array(b2, "b2"),
    ]
    nodes = [
        helper.make_node("Concat", FEATURES, ["x"], axis=1, name="concat_features"),
        helper.make_node("Sub", ["x", "mean"], ["centred"], name="centre"),
        helper.make_node("Div", ["centred", "std"], ["z"], name="scale"),
        helper.make_node("MatMul", ["z", "w1"], ["h_linear"], name="hidden_matmul"),
        helper.make_node("Add", ["h_linear", "b1"], ["h_pre"], name="hidden_bias"),
        helper.make_node("Tanh", ["h_pre"], ["h"], name="hidden_tanh"),
        helper.make_node("MatMul", ["h", "w2"], ["logits_linear"], name="output_matmul"),
        helper.make_node("Add", ["logits_linear", "b2"], ["logits"], name="output_bias"),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1, name="softmax"),
        helper.make_node("ArgMax", ["probabilities"], ["weather"], axis=1, keepdims=0, name="argmax"),
        helper.make_node("ReduceMax", ["probabilities"], ["confidence"], axes=[1], keepdims=0, name="max_probability"),
    ]
    graph = helper.make_graph(nodes, "seattle_weather", inputs, outputs, initializers)
    model = helper.make_model(
        graph,
        producer_name="MonitorGen tools/model/train_weather_model.py",
        opset_imports=[helper.make_opsetid("", OPSET)],
        doc_string="Seattle weather class (" + ", ".join(f"{i}={c}" for i, c in enumerate(CLASSES))
        + ") from precipitation, temp_max, temp_min, wind. Trained on 2012-2013.",
    )
    model.ir_version = 8
    model.model_version = 1
    helper.set_model_props(model, {
        "classes": ",".join(CLASSES),
        "training_split": "2012-2013",
        "holdout_split": "2014-2015",
        "training_accuracy": f"{metrics['training_accuracy']:.4f}",
        "holdout_accuracy": f"{metrics['holdout_accuracy']:.4f}",
    })
    onnx.checker.check_model(model, full_check=True)
    return model


def build_failing_model():
    """value float [1] -> reshaped float [M]: reshapes the constant [1.0] to shape [int(value)]. A value of 1 runs and
    returns 1.0; any other value fails inside ONNX Runtime's Reshape at run time, which is how the tests raise a
    genuine model error through a valid, loadable model."""
    graph = helper.make_graph(
        [
            helper.make_node("Cast", ["value"], ["shape"], to=TensorProto.INT64, name="value_as_shape"),
            helper.make_node("Reshape", ["one", "shape"], ["reshaped"], name="reshape"),
        ],
        "reshape_fails_above_one",
        [helper.make_tensor_value_info("value", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("reshaped", TensorProto.FLOAT, ["M"])],
        [numpy_helper.from_array(np.array([1.0], dtype=np.float32), "one")],
    )
    model = helper.make_model(graph, producer_name="MonitorGen tools/model/train_weather_model.py",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    x, y, years, dates = load()
    train_rows = years <= 2013
    holdout_rows = ~train_rows
    mean = x[train_rows].mean(axis=0)
    std = x[train_rows].std(axis=0)
    params = train((x[train_rows] - mean) / std, y[train_rows])

    mean32, std32 = mean.astype(np.float32), std.astype(np.float32)
    params32 = [p.astype(np.float32) for p in params]
    predicted, confidence = predict32(mean32, std32, params32, x)
    majority = np.bincount(y[train_rows]).argmax()
    metrics = {
        "training_rows": int(train_rows.sum()),
        "holdout_rows": int(holdout_rows.sum()),
        "training_accuracy": float((predicted[train_rows] == y[train_rows]).mean()),
        "holdout_accuracy": float((predicted[holdout_rows] == y[holdout_rows]).mean()),
        "holdout_majority_baseline": float((y[holdout_rows] == majority).mean()),
        "classes": CLASSES,
        "training_class_counts": {c: int((y[train_rows] == i).sum()) for i, c in enumerate(CLASSES)},
        "holdout_class_counts": {c: int((y[holdout_rows] == i).sum()) for i, c in enumerate(CLASSES)},
        "holdout_predicted_counts": {c: int((predicted[holdout_rows] == i).sum()) for i, c in enumerate(CLASSES)},
    }

    model = build_graph(mean32, std32, params32, metrics)
    os.makedirs(MODEL_DIR, exist_ok=True)
    onnx.save(model, os.path.join(MODEL_DIR, "seattle-weather.onnx"))
    with open(os.path.join(MODEL_DIR, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")

    # Fixture: every 29th day (both splits, all seasons) plus the first day of each class in the hold-out years.
    picked = set(range(0, len(y), 29))
    for i in range(len(CLASSES)):
        hits = np.flatnonzero(holdout_rows & (y == i))
        if hits.size:
            picked.add(int(hits[0]))
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["date", *FEATURES, "label", "expected_weather", "expected_confidence"])
        for i in sorted(picked):
            writer.writerow([dates[i], *(repr(float(v)) for v in x[i]), CLASSES[y[i]], CLASSES[predicted[i]],
                             f"{float(confidence[i]):.9g}"])

    onnx.save(build_failing_model(), os.path.join(FIXTURES, "reshape-fails-above-one.onnx"))
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
