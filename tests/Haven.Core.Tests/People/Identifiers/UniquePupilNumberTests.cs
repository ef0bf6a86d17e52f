using Haven.Core.People.Identifiers;

namespace Haven.Core.Tests.People.Identifiers;

public class UniquePupilNumberTests
{
    // Characters 2 to 13 are weighted by position 2 to 13 and the sum taken modulo 23, indexing
    // ABCDEFGHJKLMNPQRTUVWXYZ (A = 0 … Z = 22).
    // A305123412001: 3×2 + 0×3 + 5×4 + 1×5 + 2×6 + 3×7 + 4×8 + 1×9 + 2×10 + 0×11 + 0×12 + 1×13
    //   = 138 = 6×23, remainder 0 → A.
    // L30512341200A (temporary): as above but the last character A counts 0 × 13: 125 mod 23 = 10 → L.
    // X30512341200Z (temporary): Z counts 22 × 13 = 286: 125 + 286 = 411; 411 mod 23 = 20 → X.
    // P938000199042: 9×2 + 3×3 + 8×4 + 1×8 + 9×9 + 9×10 + 4×12 + 2×13 = 312; 312 mod 23 = 13 → P.
    [Theory]
    [InlineData("A305123412001", "A305123412001")]
    [InlineData("L30512341200A", "L30512341200A")]
    [InlineData("X30512341200Z", "X30512341200Z")]
    [InlineData("P938000199042", "P938000199042")]
    [InlineData(" a305 1234 12001 ", "A305123412001")]
    [InlineData("l30512341200a", "L30512341200A")]
    public void Check_ValidUpn_ReturnsNormalisedValue(string input, string expected)
    {
        // Act
        var result = UniquePupilNumber.Check(input);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("B305123412001")] // should be A
    [InlineData("A305123412010")] // last two digits swapped
    [InlineData("I305123412001")] // I is never a check letter
    [InlineData("M30512341200A")] // should be L
    public void Check_WrongCheckLetter_ReturnsCheckLetterError(string input)
    {
        // Act
        var result = UniquePupilNumber.Check(input);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(UniquePupilNumber.CheckLetterMessage, result.ErrorMessage);
    }

    [Theory]
    [InlineData("A30512341200")] // 12 characters
    [InlineData("A3051234120011")] // 14 characters
    [InlineData("1305123412001")] // starts with a digit
    [InlineData("A3051234X2001")] // letter in the middle
    [InlineData("L30512341200O")] // O is not used in UPNs
    [InlineData("A305-12341-2001")]
    public void Check_WrongShape_ReturnsFormatError(string input)
    {
        // Act
        var result = UniquePupilNumber.Check(input);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(UniquePupilNumber.FormatMessage, result.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Check_NullOrEmpty_ReturnsMissingError(string? input)
    {
        // Act
        var result = UniquePupilNumber.Check(input);

        // Assert
        Assert.Equal(UniquePupilNumber.MissingMessage, result.ErrorMessage);
        Assert.False(UniquePupilNumber.IsValid(input));
    }

    [Fact]
    public void Generate_ManyUpns_AreValidAndCarryTheLaNumber()
    {
        // Arrange
        var random = new Random(305);

        // Act
        var upns = Enumerable.Range(0, 1000).Select(_ => UniquePupilNumber.Generate(random, 305)).ToList();

        // Assert
        Assert.All(upns, upn =>
        {
            Assert.True(UniquePupilNumber.IsValid(upn));
            Assert.Equal("305", upn[1..4]);
        });
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1000)]
    public void Generate_LaNumberNotThreeDigits_Throws(int laNumber)
    {
        // Act
        Action act = () => UniquePupilNumber.Generate(new Random(1), laNumber);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}
