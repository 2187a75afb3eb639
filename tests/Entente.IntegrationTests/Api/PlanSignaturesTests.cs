using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Signatures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Api;

/// <summary>Freezing a plan, the co-chairs' signatures after a fresh second-factor check, the immutable signed plan and its bundle.</summary>
public abstract class PlanSignaturesTests(EntenteApp app)
{
    private sealed record CoChair(Guid AccountId, HttpClient Client, string Key);

    private async Task<CoChair> NewCoChairAsync(string party)
    {
        var (account, token) = await app.NewAccountAsync(party, role: MemberRole.CoChair);
        await using var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(app.Services, "tests");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Entente.Data.Account>>();
        var enrolled = await Entente.Web.Features.Accounts.SecondFactorHandler.EnrolAsync(users, (await users.FindByIdAsync(account.Id.ToString()))!);
        return new CoChair(account.Id, app.CreateClient(token, null), enrolled.SharedKey);
    }

    private static string Code(CoChair signer) => Totp.Code(signer.Key, DateTimeOffset.UtcNow);

    /// <summary>A new session with a plan of one joint and one national (Kuwaiti) item, frozen.</summary>
    private async Task<(ActionPlanResponse Plan, ActionItemResponse Joint, ActionItemResponse National)> FrozenPlanAsync(HttpClient client)
    {
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        var plan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة العمل للتجربة", en = "Trial action plan" } });
        var joint = reference.NewItem("Exchange hospital management curricula");
        joint["actionPlanId"] = plan.Id;
        var national = reference.NewItem("Kuwaiti brief: ministry position on curricula");
        national["actionPlanId"] = plan.Id;
        national["visibility"] = "national";
        national["ownerPartyId"] = reference.Kuwait;
        var (jointItem, _) = await Reference.CreateItemAsync(client, joint);
        var (nationalItem, _) = await Reference.CreateItemAsync(client, national);
        return (await MoveAsync(client, plan, "frozen"), jointItem, nationalItem);
    }

    private static async Task<ActionPlanResponse> MoveAsync(HttpClient client, ActionPlanResponse plan, string status)
    {
        var current = await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}");
        using var response = await client.PutJsonAsync($"/api/action-plans/{plan.Id}", new { sessionId = current.SessionId, title = current.Title, status }, $"\"{current.Version}\"");
        return await ApiClient.ReadAsync<ActionPlanResponse>(response, HttpStatusCode.OK);
    }

    private static async Task<PlanSignaturesResponse> SignAsync(CoChair signer, Guid planId) =>
        await ApiClient.ReadAsync<PlanSignaturesResponse>(await signer.Client.PostJsonAsync($"/api/action-plans/{planId}/signatures", new { code = Code(signer) }), HttpStatusCode.OK);

    [Fact]
    public async Task Sign_ByBothCoChairs_PlanSignedImmutableWithItsDocument_AndTheBundleVerifies()
    {
        var client = app.CreateClient();
        var (plan, joint, national) = await FrozenPlanAsync(client);
        var kuwait = await NewCoChairAsync("KW");
        var britain = await NewCoChairAsync("GB");
        Assert.Equal(ActionPlanStatus.Frozen, plan.Status);
        Assert.Matches("^[0-9a-f]{64}$", plan.ContentSha256!);

        var first = await SignAsync(kuwait, plan.Id);
        Assert.Equal(ActionPlanStatus.Frozen, first.Status);
        Assert.Equal(["KW"], first.Signatures.Select(s => s.Party));
        Assert.True((await britain.Client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).CallerMaySign);
        var second = await SignAsync(britain, plan.Id);

        Assert.Equal(ActionPlanStatus.Signed, second.Status);
        Assert.Equal(["GB", "KW"], second.Signatures.Select(s => s.Party).Order());
        Assert.All(second.Signatures, s => Assert.Equal(plan.ContentSha256, s.PlanSha256));
        var signed = await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}");
        Assert.NotNull(signed.SignedOn);
        var document = await client.GetAsync<DocumentResponse>($"/api/documents/{signed.DocumentId}");
        Assert.Equal(plan.ContentSha256, Assert.Single(document.Versions).Sha256);
        using (var documentEdit = await client.PutJsonAsync($"/api/documents/{document.Id}", new
        {
            jointBodyId = document.JointBodyId, kind = "action-plan", title = new { ar = "نص آخر", en = "Another text" }, sessionId = document.SessionId,
        }, $"\"{document.Version}\""))
        {
            Assert.Equal(RuleCodes.PlanLocked, (string?)(await documentEdit.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        // The signed text is the document's first file, byte for byte; no later version replaces it.
        var signedText = await client.GetByteArrayAsync($"/api/documents/{document.Id}/versions/1", TestContext.Current.CancellationToken);
        Assert.Equal(plan.ContentSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signedText)));
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new ByteArrayContent("%PDF-1.7 another text"u8.ToArray()), "file", "another.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{document.Id}/versions") { Content = upload };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{document.Version}\"");
            using var refused = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(RuleCodes.PlanLocked, (string?)(await refused.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }


        using var edit = await client.PutJsonAsync($"/api/action-plans/{plan.Id}", new { sessionId = signed.SessionId, title = new { ar = "خطة أخرى", en = "Another plan" }, status = "signed" }, $"\"{signed.Version}\"");
        Assert.Equal(RuleCodes.PlanLocked, (string?)(await edit.ProblemAsync(HttpStatusCode.Conflict))["code"]);

        using var bundle = await client.GetAsync($"/api/action-plans/{plan.Id}/bundle", TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(bundle, HttpStatusCode.OK);
        var bytes = await bundle.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(bytes);
        var report = SignedPlanBundle.Verify(bytes, second.AuthorityFingerprint);
        Assert.True(report.IsValid, string.Join("; ", report.Findings));
        Assert.Contains(joint.Title.Ar!, text, StringComparison.Ordinal);
        Assert.Contains(joint.Title.En!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(national.Title.En!, text, StringComparison.Ordinal);
        Assert.Equal($"action-plan-session-", bundle.Content.Headers.ContentDisposition?.FileNameStar?[..20]);
    }

    [Fact]
    public async Task SignWithPasskey_OnThePage_AForgedOrMissingAnswer_IsRefusedBesideTheButton_AndNothingIsSigned()
    {
        var ct = TestContext.Current.CancellationToken;
        var (plan, _, _) = await FrozenPlanAsync(app.CreateClient());
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.CoChair);
        var page = await PageSession.SignedInClientAsync(app, account);
        var signaturesPage = $"/action-plans/{plan.Id}/signatures";

        var html = await page.GetStringAsync(signaturesPage, ct);
        Assert.Contains("data-testid=\"sign\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sign-passkey\"", html, StringComparison.Ordinal);

        using (var options = new HttpRequestMessage(HttpMethod.Post, $"{signaturesPage}?handler=PasskeyOptions"))
        {
            options.Headers.Add("X-CSRF-Token", PageSession.Token(html));
            using var answer = await page.SendAsync(options, ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.False(string.IsNullOrEmpty((string?)System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync(ct))!["challenge"]));
        }

        foreach (var credential in new[] { "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}", string.Empty })
        {
            using var refused = await page.PostAsync($"{signaturesPage}?handler=Passkey", PageSession.Form(("credentialJson", credential), ("__csrf", PageSession.Token(html))), ct);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var answer = await refused.Content.ReadAsStringAsync(ct);
            Assert.Matches("<div class=\"form-errors\" id=\"err-form\" role=\"alert\">[^<]*passkey", answer);
        }

        Assert.Empty((await app.CreateClient().GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);
    }

    [Fact]
    public async Task Sign_WithoutOrWithAWrongCode_OrNotACoChair_OrNotFrozen_RefusedAndNothingSigned()
    {
        var client = app.CreateClient();
        var (plan, _, _) = await FrozenPlanAsync(client);
        var kuwait = await NewCoChairAsync("KW");
        var (_, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var wrongCode = Code(kuwait) == "000000" ? "111111" : "000000";

        using var noCode = await kuwait.Client.PostJsonAsync($"/api/action-plans/{plan.Id}/signatures", new { });
        using var wrong = await kuwait.Client.PostJsonAsync($"/api/action-plans/{plan.Id}/signatures", new { code = wrongCode });
        using var bySecretariat = await client.PostJsonAsync($"/api/action-plans/{plan.Id}/signatures", new { code = "123456" });
        using var byViewer = await app.CreateClient(viewerToken, null).PostJsonAsync($"/api/action-plans/{plan.Id}/signatures", new { code = "123456" });
        using var unsigned = await client.GetAsync($"/api/action-plans/{plan.Id}/bundle", TestContext.Current.CancellationToken);

        Assert.Equal("code", (string?)(await noCode.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        var mismatch = await wrong.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("code", RuleCodes.WrongCode), ((string?)mismatch["field"], (string?)mismatch["code"]));
        await bySecretariat.ProblemAsync(HttpStatusCode.Forbidden);
        await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        await unsigned.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);
        await using (var scope = app.Scope(out var db))
        {
            Assert.Equal(1, await db.Users.Where(u => u.Id == kuwait.AccountId).Select(u => u.AccessFailedCount).SingleAsync(TestContext.Current.CancellationToken));
        }

        await SignAsync(kuwait, plan.Id);
        using var twice = await kuwait.Client.PostJsonAsync($"/api/action-plans/{plan.Id}/signatures", new { code = Code(kuwait) });
        Assert.Equal(RuleCodes.Duplicate, (string?)(await twice.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);

        var draft = await MoveAsync(client, plan, "draft");
        Assert.Null(draft.ContentSha256);
        Assert.Empty((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);
        using var onDraft = await kuwait.Client.PostJsonAsync($"/api/action-plans/{plan.Id}/signatures", new { code = Code(kuwait) });
        Assert.Equal(RuleCodes.NotFrozen, (string?)(await onDraft.ProblemAsync(HttpStatusCode.Conflict))["code"]);
    }

    private async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid planId, string step, long? version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/action-plans/{planId}/{step}");
        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FreezeAndReopen_AreNamedSteps_GuardedLikeAnyChange_AndReopeningWithdrawsTheSignatures()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        var plan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة للخطوات المسماة", en = "Plan for named steps" } });
        var item = reference.NewItem("Twin the two ministries' procurement desks");
        item["actionPlanId"] = plan.Id;
        await Reference.CreateItemAsync(client, item);
        var (_, viewerToken) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var viewer = app.CreateClient(viewerToken, null);

        using (var noVersion = await StepAsync(client, plan.Id, "freeze", null))
        {
            await noVersion.ProblemAsync(HttpStatusCode.PreconditionRequired);
        }

        using (var stale = await StepAsync(client, plan.Id, "freeze", plan.Version + 7))
        {
            await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        using (var byViewer = await StepAsync(viewer, plan.Id, "freeze", plan.Version))
        {
            await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var unknown = await StepAsync(client, Guid.CreateVersion7(), "freeze", 1))
        {
            await unknown.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(ActionPlanStatus.Draft, (await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}")).Status);

        using var freeze = await StepAsync(client, plan.Id, "freeze", plan.Version);
        var frozen = await ApiClient.ReadAsync<ActionPlanResponse>(freeze, HttpStatusCode.OK);
        Assert.Equal(ActionPlanStatus.Frozen, frozen.Status);
        Assert.Matches("^[0-9a-f]{64}$", frozen.ContentSha256!);
        Assert.Equal($"\"{frozen.Version}\"", freeze.Headers.ETag?.Tag);
        using (var again = await StepAsync(client, plan.Id, "freeze", frozen.Version))
        {
            Assert.Equal(RuleCodes.IllegalTransition, (string?)(await again.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        var kuwait = await NewCoChairAsync("KW");
        await SignAsync(kuwait, plan.Id);
        var signedOnce = await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}");
        using (var byViewer = await StepAsync(viewer, plan.Id, "reopen", signedOnce.Version))
        {
            await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Single((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);
        using var reopen = await StepAsync(client, plan.Id, "reopen", signedOnce.Version);
        var draft = await ApiClient.ReadAsync<ActionPlanResponse>(reopen, HttpStatusCode.OK);
        Assert.Equal(ActionPlanStatus.Draft, draft.Status);
        Assert.Null(draft.ContentSha256);
        Assert.Empty((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);
        using (var twice = await StepAsync(client, plan.Id, "reopen", draft.Version))
        {
            Assert.Equal(RuleCodes.IllegalTransition, (string?)(await twice.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        // A concluded session's plan takes no step, as it takes no edit.
        var current = await client.GetAsync<SessionResponse>($"/api/sessions/{session.Id}");
        using (var conclude = await client.PutJsonAsync($"/api/sessions/{session.Id}", new { jointBodyId = current.JointBodyId, number = current.Number, placeKind = "to-be-decided", status = "concluded" }, $"\"{current.Version}\""))
        {
            await ApiClient.EnsureAsync(conclude, HttpStatusCode.OK);
        }

        using (var afterConclusion = await StepAsync(client, plan.Id, "freeze", draft.Version))
        {
            Assert.Equal(RuleCodes.SessionConcluded, (string?)(await afterConclusion.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        Assert.Equal(ActionPlanStatus.Draft, (await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}")).Status);
    }

    [Fact]
    public async Task SignedOnPaper_NeedsTheDayAndTheScan_AndLocksThePlanAndItsDocument()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        var plan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة وُقّعت ورقيًا", en = "Plan signed on paper" } });
        var document = await client.CreateAsync<DocumentResponse>("/api/documents", new { jointBodyId = reference.Body.Id, kind = "action-plan", sessionId = session.Id, title = new { ar = "الخطة الموقّعة", en = "The signed plan" } });
        var url = $"/api/action-plans/{plan.Id}/signed-on-paper";
        var day = new { year = 2020, month = 11, day = 23 };

        var cases = new (object Body, HttpStatusCode Status, string Field)[]
        {
            (new { documentId = document.Id }, HttpStatusCode.BadRequest, "signedOn"),
            (new { signedOn = day }, HttpStatusCode.BadRequest, "documentId"),
            (new { signedOn = day, documentId = Guid.CreateVersion7() }, HttpStatusCode.UnprocessableEntity, "documentId"),
            (new { signedOn = day, documentId = document.Id }, HttpStatusCode.BadRequest, "documentId"), // no scan yet
        };
        foreach (var (body, status, field) in cases)
        {
            using var refused = await client.PostJsonAsync(url, body, $"\"{plan.Version}\"");
            Assert.Equal(field, (string?)(await refused.ProblemAsync(status))["field"]);
        }

        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new ByteArrayContent("%PDF-1.7 the scan of the signed plan"u8.ToArray()), "file", "signed-plan.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{document.Id}/versions") { Content = upload };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{document.Version}\"");
            using var uploaded = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(uploaded.IsSuccessStatusCode, $"upload answered {(int)uploaded.StatusCode}");
        }

        var (_, viewerToken) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        using (var byViewer = await app.CreateClient(viewerToken, null).PostJsonAsync(url, new { signedOn = day, documentId = document.Id }, $"\"{plan.Version}\""))
        {
            await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var recorded = await client.PostJsonAsync(url, new { signedOn = day, documentId = document.Id }, $"\"{plan.Version}\"");
        var signed = await ApiClient.ReadAsync<ActionPlanResponse>(recorded, HttpStatusCode.OK);
        Assert.Equal((ActionPlanStatus.Signed, true, document.Id, "2020-11-23"), (signed.Status, signed.SignedOnPaper, signed.DocumentId, signed.SignedOn?.Text));
        Assert.Empty((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);

        using (var again = await client.PostJsonAsync(url, new { signedOn = day, documentId = document.Id }, $"\"{signed.Version}\""))
        {
            Assert.Equal(RuleCodes.PlanLocked, (string?)(await again.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        using (var reopened = await StepAsync(client, plan.Id, "reopen", signed.Version))
        {
            Assert.Equal(RuleCodes.PlanLocked, (string?)(await reopened.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        var current = await client.GetAsync<DocumentResponse>($"/api/documents/{document.Id}");
        using (var edit = await client.PutJsonAsync($"/api/documents/{document.Id}", new { jointBodyId = reference.Body.Id, kind = "action-plan", sessionId = session.Id, title = new { ar = "نص آخر", en = "Another text" } }, $"\"{current.Version}\""))
        {
            Assert.Equal(RuleCodes.PlanLocked, (string?)(await edit.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }
    }

    [Fact]
    public async Task TheReferencePlan_SignedOnPaperIn2020_SaysSo_AndNeverThatNoCoChairSigned()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var plan = (await client.ListAsync<ActionPlanResponse>($"/api/action-plans?sessionId={reference.Session16.Id}")).Single(p => p.Status == ActionPlanStatus.Signed);
        Assert.True(plan.SignedOnPaper);
        Assert.Empty((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{plan.Id}/signatures")).Signatures);

        var (viewer, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var pages = await PageSession.SignedInClientAsync(app, viewer);
        var page = await pages.GetStringAsync($"/action-plans/{plan.Id}/signatures", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"plan-signed-on-paper\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"plan-signed\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No co-chair has signed yet", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signed-on-paper\"", await pages.GetStringAsync($"/action-plans/{plan.Id}", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_TheSameCodeTwice_TheSecondIsRefused()
    {
        var client = app.CreateClient();
        var (first, _, _) = await FrozenPlanAsync(client);
        var (second, _, _) = await FrozenPlanAsync(client);
        var kuwait = await NewCoChairAsync("KW");
        var code = Code(kuwait);

        using var once = await kuwait.Client.PostJsonAsync($"/api/action-plans/{first.Id}/signatures", new { code });
        using var again = await kuwait.Client.PostJsonAsync($"/api/action-plans/{second.Id}/signatures", new { code });

        await ApiClient.EnsureAsync(once, HttpStatusCode.OK);
        var problem = await again.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("code", RuleCodes.WrongCode), ((string?)problem["field"], (string?)problem["code"]));
        Assert.Contains("already been used", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty((await client.GetAsync<PlanSignaturesResponse>($"/api/action-plans/{second.Id}/signatures")).Signatures);
    }

    [Fact]
    public async Task Sign_KeepsThePrivateKeyEncryptedAtRest_AndOutOfTheAuditChain()
    {
        var client = app.CreateClient();
        var (plan, _, _) = await FrozenPlanAsync(client);
        var kuwait = await NewCoChairAsync("KW");
        await SignAsync(kuwait, plan.Id);

        await using var scope = app.Scope(out var db);
        var stored = await db.SigningKeys.IgnoreQueryFilters().SingleAsync(k => k.AccountId == kuwait.AccountId, TestContext.Current.CancellationToken);
        using var key = System.Security.Cryptography.ECDsa.Create();
        Assert.ThrowsAny<Exception>(() => key.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.ProtectedPrivateKey.Replace('-', '+').Replace('_', '/').PadRight((stored.ProtectedPrivateKey.Length + 3) / 4 * 4, '=')), out _));
        var opened = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Entente.SigningKeys.v1").Unprotect(stored.ProtectedPrivateKey);
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(opened), out _);
        using var certificate = X509CertificateLoader.LoadCertificate(stored.Certificate);
        Assert.Equal(certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
        var audited = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == nameof(Entente.Data.SigningKey) && a.EntityKey == stored.Id.ToString()).Select(a => a.After).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"protectedPrivateKey\":\"[redacted]\"", audited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanVerify_TheProgramsVerb_AcceptsTheBundleOfflineAndRefusesOneFlippedByte()
    {
        var client = app.CreateClient();
        var (plan, joint, _) = await FrozenPlanAsync(client);
        await SignAsync(await NewCoChairAsync("KW"), plan.Id);
        await SignAsync(await NewCoChairAsync("GB"), plan.Id);
        var bytes = await client.GetByteArrayAsync($"/api/action-plans/{plan.Id}/bundle", TestContext.Current.CancellationToken);
        var directory = Directory.CreateTempSubdirectory("entente-bundle-");
        var good = Path.Combine(directory.FullName, "plan.signed.json");
        var bad = Path.Combine(directory.FullName, "plan.altered.json");
        await File.WriteAllBytesAsync(good, bytes, TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(bytes);
        var at = Encoding.UTF8.GetByteCount(text[..text.IndexOf(joint.Title.En!, StringComparison.Ordinal)]);
        bytes[at] ^= 1;
        await File.WriteAllBytesAsync(bad, bytes, TestContext.Current.CancellationToken);
        // No database: the verb is pointed at a PostgreSQL server that does not exist and must not need it.
        var offline = new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1" };

        var (okExit, okOutput) = await ProgramProcess.RunAsync(offline, "plan", "verify", good);
        var (badExit, badOutput) = await ProgramProcess.RunAsync(offline, "plan", "verify", bad);

        Assert.True(okExit == 0, okOutput);
        Assert.Contains("VALID", okOutput, StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.Contains("REFUSED", badOutput, StringComparison.Ordinal);
        Assert.Contains("The plan was altered", badOutput, StringComparison.Ordinal);
        directory.Delete(recursive: true);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlanSignaturesTestsOnSqlite(SqliteApp app) : PlanSignaturesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlanSignaturesTestsOnPostgres(PostgresApp app) : PlanSignaturesTests(app);
