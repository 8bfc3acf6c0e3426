"""Writes the ONNX fixtures of the MG0010 tests with the reference `onnx` package.

Run with /usr/bin/python3 (python3-onnx) from this directory; the outputs are committed, CI does not run this.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def churn_model():
    # Two feature inputs of one value per row, plus a weight that is also listed as a graph input (old exporters do that):
    # the weight is an initializer, so it is not something the caller feeds.
    age = helper.make_tensor_value_info("age", TensorProto.FLOAT, ["N", 1])
    plan = helper.make_tensor_value_info("plan", TensorProto.STRING, ["N", 1])
    weight_input = helper.make_tensor_value_info("weight", TensorProto.FLOAT, [1, 1])
    score = helper.make_tensor_value_info("score", TensorProto.FLOAT, ["N", 1])
    weight = numpy_helper.from_array(np.full((1, 1), 0.5, dtype=np.float32), name="weight")
    node = helper.make_node("MatMul", ["age", "weight"], ["score"])
    graph = helper.make_graph([node], "churn", [age, plan, weight_input], [score], initializer=[weight])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    return model


def wide_model():
    # One input of four values per row, and an int64 input with a fixed batch.
    features = helper.make_tensor_value_info("features", TensorProto.FLOAT, [-1, 4])
    count = helper.make_tensor_value_info("count", TensorProto.INT64, [1])
    out = helper.make_tensor_value_info("out", TensorProto.FLOAT, [-1, 4])
    node = helper.make_node("Identity", ["features"], ["out"])
    graph = helper.make_graph([node], "wide", [features, count], [out])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    return model


onnx.save(churn_model(), "churn.onnx")
onnx.save(wide_model(), "wide.onnx")
