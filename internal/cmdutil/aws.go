package cmdutil

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Environment variables the AWS SDKs read for the Cognito endpoint, the
// service-specific one first.
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
var endpointEnv = []string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL"}

// Endpoint is the Cognito endpoint the commands talk to, and where it was
// set: --endpoint-url, else the SDK's environment variables; empty for
// AWS itself.
func (f *Factory) Endpoint() (endpoint, source string) {
	if f.AWS.EndpointURL != "" {
		return f.AWS.EndpointURL, "--endpoint-url"
	}
	for _, name := range endpointEnv {
		if v := os.Getenv(name); v != "" {
			return v, name
		}
	}
	return "", ""
}

// CheckEndpoint refuses an endpoint the SDK could not use, before any
// request: it needs a scheme (http:// for cognito-local) and a host.
func CheckEndpoint(endpoint, source string) error {
	if endpoint == "" {
		return nil
	}
	bad := func(why, hint string) error {
		return WithHint(fmt.Errorf("%s %s: %s", source, endpoint, why), hint)
	}
	set := source + " " // how the fixed value is written
	if !strings.HasPrefix(source, "-") {
		set = source + "="
	}
	u, err := url.Parse(endpoint)
	switch {
	case !strings.Contains(endpoint, "://"):
		return bad("no scheme", fmt.Sprintf("add http:// (cognito-local) or https://: %shttp://%s", set, endpoint))
	case err != nil:
		return bad("not a URL", "write it like http://127.0.0.1:9229 or https://cognito-idp.eu-west-1.amazonaws.com")
	case u.Scheme != "http" && u.Scheme != "https":
		return bad(fmt.Sprintf("the scheme is %q", u.Scheme), "use http:// (cognito-local) or https://")
	case u.Host == "" || u.Hostname() == "":
		return bad("no host", "write it like http://127.0.0.1:9229")
	}
	return nil
}

func (f *Factory) defaultCognito(ctx context.Context) (cognito.API, error) {
	// One configuration for every client: credentials are resolved once
	// (an assume-role or SSO profile asks once), whatever the command uses.
	f.once.Do(func() {
		cfg, err := f.awsConfig(ctx)
		if err != nil {
			f.err = err
			return
		}
		endpoint, _ := f.Endpoint()
		f.client = cognito.NewFromConfig(cfg, endpoint)
	})
	return f.client, f.err
}
