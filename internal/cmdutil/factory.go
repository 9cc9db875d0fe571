package cmdutil

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
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
	// IdentityPools and IAM return the clients a file with an identity
	// pool needs; tests replace them with fakes.
	IdentityPools func(ctx context.Context) (cognitoidentity.API, error)
	IAM           func(ctx context.Context) (iam.API, error)
	// Lambda returns the client the generated trigger functions need (with IAM).
	Lambda func(ctx context.Context) (lambda.API, error)

	// RunCommand runs another cogwiz command line (e.g. ["plan", "-f",
	// "x.yaml"]) over the same factory; the root sets it, so that the
	// wizard can offer plan and apply without importing those commands.
	RunCommand func(ctx context.Context, args []string) error

	once   sync.Once
	client cognito.API
	err    error

	cfgOnce sync.Once
	awsCfg  aws.Config
	cfgErr  error
}

// New returns a Factory wired to the real world.
func New(version string) *Factory {
	f := &Factory{IOStreams: iostreams.System(), Version: version}
	f.Cognito = f.defaultCognito
	f.IdentityPools = func(ctx context.Context) (cognitoidentity.API, error) {
		cfg, err := f.awsConfig(ctx)
		return cognitoidentity.New(cfg, f.endpointLike("AWS_ENDPOINT_URL_COGNITO_IDENTITY")), err
	}
	f.IAM = func(ctx context.Context) (iam.API, error) {
		cfg, err := f.awsConfig(ctx)
		return iam.New(cfg, f.endpointLike("AWS_ENDPOINT_URL_IAM")), err
	}
	f.Lambda = func(ctx context.Context) (lambda.API, error) {
		cfg, err := f.awsConfig(ctx)
		return lambda.New(cfg, f.endpointLike("AWS_ENDPOINT_URL_LAMBDA")), err
	}
	return f
}

// endpointLike is the endpoint of another service when Cognito's is
// overridden (an emulator): --endpoint-url, or the Cognito endpoint
// variable unless the service's own variable (env) says otherwise. A
// local Cognito never means that the identity pool and IAM calls should
// go to AWS with the emulator's credentials; the emulator answers that it
// has no such service, and cogwiz says so.
func (f *Factory) endpointLike(env string) string {
	if f.AWS.EndpointURL != "" {
		return f.AWS.EndpointURL
	}
	if os.Getenv(env) != "" || os.Getenv("AWS_ENDPOINT_URL") != "" {
		return "" // the SDK reads them itself
	}
	return os.Getenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER")
}

func (f *Factory) awsConfig(ctx context.Context) (aws.Config, error) {
	f.cfgOnce.Do(func() {
		endpoint, source := f.Endpoint()
		if f.cfgErr = CheckEndpoint(endpoint, source); f.cfgErr != nil {
			return
		}
		o := f.AWS
		o.EndpointURL = endpoint
		f.awsCfg, f.cfgErr = cognito.LoadConfig(ctx, o)
	})
	return f.awsCfg, f.cfgErr
}

// IdentityClients returns the identity pool and IAM clients when cfg has
// an identity pool, and nil otherwise (a user pool alone needs neither,
// nor their permissions).
func (f *Factory) IdentityClients(ctx context.Context, cfg *config.Config) (*apply.IdentityClients, error) {
	if cfg.IdentityPool == nil || f.IdentityPools == nil || f.IAM == nil {
		return nil, nil
	}
	ip, err := f.IdentityPools(ctx)
	if err != nil {
		return nil, err
	}
	im, err := f.IAM(ctx)
	if err != nil {
		return nil, err
	}
	return apply.NewIdentityClients(ip, im), nil
}

// PoolClients returns the clients that read the pools cfg describes:
// Cognito's, and the identity pool and IAM clients when cfg has an
// identity pool. Then it says on w which user pool is about to be read.
func (f *Factory) PoolClients(ctx context.Context, w io.Writer, cfg *config.Config) (cognito.API, *apply.IdentityClients, error) {
	api, err := f.Cognito(ctx)
	if err != nil {
		return nil, nil, err
	}
	ic, err := f.IdentityClients(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(w, "reading user pool %s…\n", cfg.ResourceName)
	return api, ic, nil
}

// ConfigPath is the -f/--file flag, or cognito.yaml when it is empty (a
// Factory built in a test has no flags).
func (f *Factory) ConfigPath() string {
	if f.ConfigFile == "" {
		return config.DefaultFile
	}
	return f.ConfigFile
}
