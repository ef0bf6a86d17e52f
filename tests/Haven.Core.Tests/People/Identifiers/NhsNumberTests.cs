using Haven.Core.People.Identifiers;

namespace Haven.Core.Tests.People.Identifiers;

public class NhsNumberTests
{
    // 943 476 5919: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299;
    // 299 mod 11 = 2; 11 − 2 = 9, the last digit.
    // 401 023 2137: 4×10 + 0×9 + 1×8 + 0×7 + 2×6 + 3×5 + 2×4 + 1×3 + 3×2 = 92; 92 mod 11 = 4; 11 − 4 = 7.
    // 200 000 0010: 2×10 + 1×2 = 22; 22 mod 11 = 0; 11 − 0 = 11, which becomes check digit 0.
    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData("  4010232137 ", "4010232137")]
    [InlineData("2000000010", "2000000010")]
    public void Check_ValidNumber_ReturnsNormalisedDigits(string input, string expected)
    {
        // Act
        var result = NhsNumber.Check(input);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
        Assert.Null(result.ErrorMessage);
    }

    [Theory]
    [InlineData("9434765918")] // last digit should be 9
    [InlineData("4010232173")] // last two digits swapped
    [InlineData("485 777 3456")] // the NHS hint example: its check digit would be 7
    public void Check_WrongCheckDigit_ReturnsCheckDigitError(string input)
    {
        // Act
        var result = NhsNumber.Check(input);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(NhsNumber.CheckDigitMessage, result.ErrorMessage);
    }

    [Fact]
    public void Check_NumberWhoseCheckDigitWouldBeTen_IsInvalidWhateverTheLastDigit()
    {
        // Arrange: 9×10 + 9×9 + 9×8 = 243; 243 mod 11 = 1; 11 − 1 = 10, so no check digit exists.
        var candidates = Enumerable.Range(0, 10).Select(d => $"999000000{d}");

        // Act
        var results = candidates.Select(NhsNumber.Check);

        // Assert
        Assert.All(results, r => Assert.Equal(NhsNumber.CheckDigitMessage, r.ErrorMessage));
    }

    [Theory]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("94347659A9")]
    [InlineData("943.476.5919")]
    public void Check_WrongLengthOrCharacters_ReturnsFormatError(string input)
    {
        // Act
        var result = NhsNumber.Check(input);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(NhsNumber.FormatMessage, result.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NullOrEmpty_ReturnsMissingError(string? input)
    {
        // Act
        var result = NhsNumber.Check(input);

        // Assert
        Assert.Equal(NhsNumber.MissingMessage, result.ErrorMessage);
        Assert.False(NhsNumber.IsValid(input));
    }

    [Fact]
    public void Format_NormalisedNumber_GroupsThreeThreeFour()
    {
        // Act
        var formatted = NhsNumber.Format("9434765919");

        // Assert
        Assert.Equal("943 476 5919", formatted);
    }

    [Fact]
    public void Format_NotTenDigits_Throws()
    {
        // Act
        Action act = () => NhsNumber.Format("943 476 5919");

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Generate_ManyNumbers_AreValidAndInTheTestRange()
    {
        // Arrange
        var random = new Random(305);

        // Act
        var numbers = Enumerable.Range(0, 1000).Select(_ => NhsNumber.Generate(random)).ToList();

        // Assert
        Assert.All(numbers, n =>
        {
            Assert.True(NhsNumber.IsValid(n));
            Assert.StartsWith("999", n);
            Assert.Equal(10, n.Length);
        });
    }
}
