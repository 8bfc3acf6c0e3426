using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Generators.Model;

/// <summary>
/// An attributed type declaration as values: which tree it is in and where, so that the parse step finds it again in the
/// compilation it runs on, and so that the key changes whenever the declaration moves or its tree's declarations change.
/// </summary>
/// <param name="Tree">The fingerprint of the declaration's tree.</param>
/// <param name="Span">The declaration's span in the tree.</param>
/// <param name="Identifier">The type's name, for a diagnostic when the parse fails.</param>
/// <param name="NamesAttribute">Whether one of its attributes is written with the attribute's simple name; without a
/// type alias in the compilation, a declaration without one cannot carry the attribute.</param>
internal readonly record struct DeclarationKey(TreeFingerprint Tree, TextSpan Span, string Identifier, bool NamesAttribute);
