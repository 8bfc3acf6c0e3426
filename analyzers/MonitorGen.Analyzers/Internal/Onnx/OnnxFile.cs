using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>
/// An ONNX model as it reaches the compiler: <c>{name}.onnx.base64</c>, the base64 copy that the package's build step
/// writes for each <c>MonitorGenOnnxModel</c> item (a binary additional file would fail the build with CS2015). Its model
/// is item metadata <c>MonitorGenModel</c>, else the file name without <c>.onnx</c>.
/// </summary>
internal sealed class OnnxFile : SchemaFile
{
    /// <summary>The file name suffix of the base64 copy.</summary>
    public const string Suffix = ".onnx.base64";

    private OnnxFile(AdditionalText file, string name, string model, string? inputType, OnnxReadResult result)
        : base(file, name, model)
    {
        InputType = inputType;
        Result = result;
    }

    /// <summary>The input record's dotted full name, from item metadata <c>MonitorGenInputType</c>, or null.</summary>
    public string? InputType { get; }

    /// <summary>The inputs, or the problem.</summary>
    public OnnxReadResult Result { get; }

    /// <inheritdoc/>
    public override string? Error => Result.Error;

    /// <summary>Reads the ONNX models among the additional files.</summary>
    public static ImmutableArray<SchemaFile> ReadAll(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<SchemaFile>.Builder files = ImmutableArray.CreateBuilder<SchemaFile>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (!file.Path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string fileName = Path.GetFileName(file.Path);
            string onnxName = fileName.Substring(0, fileName.Length - ".base64".Length);
            string name = AdditionalFileMetadata.Get(options, file, AdditionalFileMetadata.Source) is { } source ? Path.GetFileName(source) : onnxName;
            string model = AdditionalFileMetadata.Get(options, file, AdditionalFileMetadata.Model) ?? onnxName.Substring(0, onnxName.Length - ".onnx".Length);
            SourceText? text = file.GetText(cancellationToken);
            OnnxReadResult result = text is null
                ? OnnxReadResult.Failure("the compiler could not read the file")
                : OnnxModelReader.Read(new Base64TextByteSource(text), cancellationToken);
            files.Add(new OnnxFile(file, name, model, AdditionalFileMetadata.Get(options, file, AdditionalFileMetadata.InputType), result));
        }

        return files.ToImmutable();
    }
}
