using System.Security.Cryptography;
using System.Text;

namespace Haven.Core.Api;

/// A bearer token for a partner system, issued by an administrator through the CLI. Only its
/// SHA-256 hash is stored; the token itself is shown once when it is created.
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    /// The first characters of the token, so an administrator can tell tokens apart.
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsValidAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public static string NewToken() => "hvn_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
