using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Json.Schema;

namespace Haven.Core.Returns.DfeFeed;

/// Writing the payload as the DfE's JSON, and checking it against the published schema: the
/// openapi.json kept in this folder as an embedded resource (components.schemas.CSC, with any
/// $ref into components.schemas resolved), evaluated by JsonSchema.Net with formats (dates) checked.
public static class DfeFeedJson
{
    /// Null properties are left out: the schema declares nothing nullable.
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static string Serialize(DfeChild child) => JsonSerializer.Serialize(child, Options);

    public static string SerializeBatch(IReadOnlyList<DfeChild> batch) => JsonSerializer.Serialize(batch, Options);

    /// SHA-256 of a child's JSON, lower-case hex: what change detection compares.
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static readonly Lazy<JsonSchema> CscSchema = new(LoadSchema);

    /// The CSC schema's text (components.schemas.CSC with $refs resolved), for a receiver to check too.
    public static string CscSchemaText => CscSchemaJson.Value;

    private static readonly Lazy<string> CscSchemaJson = new(() =>
    {
        using var stream = typeof(DfeFeedJson).Assembly.GetManifestResourceStream("Haven.Core.Returns.DfeFeed.dfe-csc-openapi.json")
            ?? throw new InvalidOperationException("The DfE CSC schema is not embedded.");
        var doc = JsonNode.Parse(stream)!;
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var csc = Resolve(schemas["CSC"]!.DeepClone(), schemas, 0);
        return csc.ToJsonString();
    });

    private static JsonNode Resolve(JsonNode node, JsonObject schemas, int depth, bool inProperties = false)
    {
        if (depth > 32) throw new InvalidOperationException("The DfE schema's $refs nest too deep.");
        if (node is JsonObject o)
        {
            if (o["$ref"]?.GetValue<string>() is { } reference)
            {
                const string prefix = "#/components/schemas/";
                if (!reference.StartsWith(prefix, StringComparison.Ordinal) || schemas[reference[prefix.Length..]] is not { } target)
                    throw new InvalidOperationException($"Unresolved $ref {reference} in the DfE schema.");
                return Resolve(target.DeepClone(), schemas, depth + 1);
            }
            var copy = new JsonObject();
            foreach (var (key, value) in o)
            {
                // OpenAPI 3.0's `example` is not a JSON Schema keyword: kept as the 2020-12 annotation `examples`.
                if (key == "example" && !inProperties) copy["examples"] = new JsonArray(value?.DeepClone());
                else copy[key] = value is null ? null : Resolve(value.DeepClone(), schemas, depth + 1, key == "properties");
            }
            return copy;
        }
        if (node is JsonArray a)
        {
            var copy = new JsonArray();
            foreach (var item in a) copy.Add(item is null ? null : Resolve(item.DeepClone(), schemas, depth + 1));
            return copy;
        }
        return node;
    }

    private static JsonSchema LoadSchema() => JsonSchema.FromText(CscSchemaJson.Value);

    /// The schema errors for a JSON array of children (empty when it validates), each as
    /// "instance location: message".
    public static IReadOnlyList<string> Validate(string batchJson)
    {
        using var doc = JsonDocument.Parse(batchJson);
        var results = CscSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid) return [];
        var errors = new List<string>();
        if (results.Errors is { } top)
            foreach (var (keyword, message) in top)
                errors.Add($"{results.InstanceLocation}: {keyword}: {message}");
        foreach (var detail in (IEnumerable<EvaluationResults>?)results.Details ?? [])
            if (detail.Errors is { } e)
                foreach (var (keyword, message) in e)
                    errors.Add($"{detail.InstanceLocation}: {keyword}: {message}");
        if (errors.Count == 0) errors.Add("The payload does not match the DfE schema.");
        return errors;
    }

    /// The schema errors for one child (wrapped in an array of one, as it would be sent).
    public static IReadOnlyList<string> Validate(DfeChild child) => Validate(SerializeBatch([child]));
}
