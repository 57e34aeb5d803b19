using CreditPower.Notifications.Channels;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

/// <summary>The SMS signature against the worked examples in Alibaba Cloud's own documentation.</summary>
public sealed class AliyunSignatureTests
{
    [Fact]
    public void Signs_the_SendSms_example_from_the_provider_documentation()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId",
            ["Action"] = "SendSms",
            ["Format"] = "XML",
            ["OutId"] = "123",
            ["PhoneNumbers"] = "15300000001",
            ["RegionId"] = "cn-hangzhou",
            ["SignName"] = "阿里云短信测试专用",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = "{\"customer\":\"test\"}",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Version"] = "2017-05-25",
        };

        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunSmsClient.Sign("GET", parameters, "testSecret"));
    }

    [Fact]
    public void Signs_the_RPC_example_from_the_provider_documentation_whatever_the_parameter_order()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Version"] = "2014-05-26",
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["Format"] = "XML",
            ["Action"] = "DescribeRegions",
            ["AccessKeyId"] = "testid",
        };

        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSmsClient.Sign("GET", parameters, "testsecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("/=&+", "%2F%3D%26%2B")]
    [InlineData("黄", "%E9%BB%84")]
    [InlineData("{\"k\":\"v\"}", "%7B%22k%22%3A%22v%22%7D")]
    public void Percent_encodes_as_the_provider_does(string value, string encoded) =>
        Assert.Equal(encoded, AliyunSmsClient.PercentEncode(value));

    [Fact]
    public void A_signed_request_carries_every_protocol_parameter_and_the_template_values_as_json()
    {
        var sms = new SmsOptions { AccessKeyId = "id", AccessKeySecret = "secret", SignName = "淮阴供电", Templates = { ["grade-yellow-sms"] = "SMS_100001" } };
        var form = AliyunSmsClient.BuildSignedRequest(sms, "13812345678", "grade-yellow-sms",
            new Dictionary<string, string> { ["name"] = "张三", ["colour"] = "黄色" }, "out-1",
            new DateTimeOffset(2026, 11, 28, 2, 3, 4, TimeSpan.Zero), "nonce-1");

        Assert.Equal("SendSms", form["Action"]);
        Assert.Equal("2017-05-25", form["Version"]);
        Assert.Equal("2026-11-28T02:03:04Z", form["Timestamp"]);
        Assert.Equal("SMS_100001", form["TemplateCode"]);
        Assert.Equal("{\"name\":\"张三\",\"colour\":\"黄色\"}", form["TemplateParam"]);
        Assert.Equal("out-1", form["OutId"]);
    }
}
