using System.Buffers.Binary;
using Haven.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Test apps hash passwords with fewer PBKDF2 iterations (HavenApp.TestPasswordIterations) to keep
/// the suite fast; this app keeps production's hashing, and proves what production stores.
public sealed class ProductionHashingSqliteApp : SqliteApp
{
    protected override bool FastPasswordHashing => false;
}

public sealed class PasswordHashingTests(ProductionHashingSqliteApp app) : IClassFixture<ProductionHashingSqliteApp>
{
    /// ASP.NET Core Identity's V3 format: 0x01, PRF (uint32 BE), iterations (uint32 BE), salt length, salt, subkey.
    private static (int Prf, int Iterations) Read(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    [Fact]
    public async Task CreateWorker_WithProductionHashing_StoresPbkdf2Sha512At100000Iterations_AndSignsIn()
    {
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>().FindByNameAsync(worker.UserName);

        var (prf, iterations) = Read(user!.PasswordHash!);

        Assert.Equal(2, prf); // HMACSHA512
        Assert.Equal(100_000, iterations);
        Assert.True(iterations > HavenApp.TestPasswordIterations);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);
    }
}
