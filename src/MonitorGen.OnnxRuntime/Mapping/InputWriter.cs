namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>Copies the model inputs of one record into the caller's input buffers.</summary>
internal delegate void InputWriter<TInput>(in TInput row, TensorBuffers buffers);
