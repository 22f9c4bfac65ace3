using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spm.Api.Hosting;

namespace Spm.Api.Identity;

/// <summary>
/// Chooses the token signing and encryption keys. Tests use throwaway keys; a developer's
/// machine keeps self-signed certificates in the data folder so tokens survive restarts;
/// production must be given certificates and refuses to start without them.
/// </summary>
internal static class IdentityKeys
{
    public static void Configure(OpenIddictServerBuilder server, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = configuration[SpmConfigurationKeys.DataDirectory];
        if (environment.IsEnvironment("Testing") || configuration.GetValue<bool>(SpmConfigurationKeys.IdentityEphemeralKeys)
            || (environment.IsDevelopment() && string.IsNullOrEmpty(dataDirectory)))
        {
            // Tokens die with the process; fine for tests and for a bare `dotnet run`.
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            return;
        }

        if (environment.IsDevelopment())
        {
            var keys = Path.Combine(dataDirectory!, "keys");
            server.AddSigningCertificate(LoadOrCreate(Path.Combine(keys, "signing.pfx"), "CN=Spm development signing", X509KeyUsageFlags.DigitalSignature));
            server.AddEncryptionCertificate(LoadOrCreate(Path.Combine(keys, "encryption.pfx"), "CN=Spm development encryption", X509KeyUsageFlags.KeyEncipherment));
            return;
        }

        server.AddSigningCertificate(FromConfiguration(configuration, SpmConfigurationKeys.IdentitySigningCertificatePath, SpmConfigurationKeys.IdentitySigningCertificatePassword));
        server.AddEncryptionCertificate(FromConfiguration(configuration, SpmConfigurationKeys.IdentityEncryptionCertificatePath, SpmConfigurationKeys.IdentityEncryptionCertificatePassword));
    }

    private static X509Certificate2 FromConfiguration(IConfiguration configuration, string pathKey, string passwordKey)
    {
        var path = configuration[pathKey];
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Token keys: configuration '{pathKey}' (environment variable {SpmConfigurationKeys.AsEnvironmentVariable(pathKey)}) must name a PKCS#12 (.pfx) file "
                + $"with a private key; '{passwordKey}' holds its password. Outside Development and Testing, Spm will not invent keys.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[passwordKey], X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"Token keys: the certificate in '{path}' has no private key.");
    }

    private static X509Certificate2 LoadOrCreate(string path, string subject, X509KeyUsageFlags usage)
    {
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
            SecretFiles.Write(path, created.Export(X509ContentType.Pfx));
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
