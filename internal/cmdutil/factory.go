package cmdutil

import (
	"context"
	"sync"

	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// Factory builds what commands need, lazily, so that nothing expensive
// (AWS credentials, network) happens before a command asks for it, and
// tests can swap any piece.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Version is the build version, stamped by ldflags.
	Version string
	// AWS holds the common --profile, --region and --endpoint-url flags.
	AWS cognito.Options
	// ConfigFile is the common -f/--file flag.
	ConfigFile string

	// Cognito returns the Cognito client; tests replace it with a fake or
	// point AWS.EndpointURL at cognito-local.
	Cognito func(ctx context.Context) (cognito.API, error)

	// Lambda and IAM return the clients of the services behind the
	// generated trigger functions; nil in a test that needs neither.
	Lambda func(ctx context.Context) (lambda.API, error)
	IAM    func(ctx context.Context) (iam.API, error)

	// RunCommand runs another cogwiz command line (e.g. ["plan", "-f",
	// "x.yaml"]) over the same factory; the root sets it, so that the
	// wizard can offer plan and apply without importing those commands.
	RunCommand func(ctx context.Context, args []string) error

	once   sync.Once
	client cognito.API
	err    error
}

// New returns a Factory wired to the real world.
func New(version string) *Factory {
	f := &Factory{IOStreams: iostreams.System(), Version: version}
	f.Cognito = f.defaultCognito
	f.Lambda, f.IAM = f.defaultLambda, f.defaultIAM
	return f
}

func (f *Factory) defaultCognito(ctx context.Context) (cognito.API, error) {
	f.once.Do(func() { f.client, f.err = cognito.New(ctx, f.AWS) })
	return f.client, f.err
}

// ConfigPath is the -f/--file flag, or cognito.yaml when it is empty (a
// Factory built in a test has no flags).
func (f *Factory) ConfigPath() string {
	if f.ConfigFile == "" {
		return config.DefaultFile
	}
	return f.ConfigFile
}
