namespace MonitorGen.Generators.Model;

/// <summary>
/// A syntax tree's declarations as values: its path and a 128-bit hash of its directives and of every token outside
/// member bodies, non-constant initializers and the private members no other type can see. An edit inside a method body
/// leaves it equal; an edit to anything another type could bind to changes it.
/// </summary>
/// <param name="FilePath">The tree's path.</param>
/// <param name="Low">One half of the hash.</param>
/// <param name="High">The other half, from an independent hash function.</param>
/// <param name="HasTypeAliases">Whether the tree has a <c>using X = …;</c> directive, under which an attribute's name
/// says nothing about its type.</param>
internal readonly record struct TreeFingerprint(string FilePath, ulong Low, ulong High, bool HasTypeAliases);
