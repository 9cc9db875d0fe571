package cmdutil

import "testing"

// With Cognito pointed at an emulator, the identity pool and IAM clients
// follow it unless their own endpoint is set: they never go to AWS with
// the emulator's credentials.
func TestIdentityEndpointsFollowAnEmulator(t *testing.T) {
	for _, c := range []struct {
		name, flag string
		env        map[string]string
		want       string
	}{
		{"nothing set", "", nil, ""},
		{"--endpoint-url", "http://127.0.0.1:9229", nil, "http://127.0.0.1:9229"},
		{"Cognito's variable", "", map[string]string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:9229"}, "http://127.0.0.1:9229"},
		{"the service's own variable wins", "", map[string]string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:9229", "AWS_ENDPOINT_URL_COGNITO_IDENTITY": "http://other"}, ""},
		{"the global variable wins", "", map[string]string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:9229", "AWS_ENDPOINT_URL": "http://all"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL_COGNITO_IDENTITY", "AWS_ENDPOINT_URL"} {
				t.Setenv(k, c.env[k])
			}
			f := &Factory{}
			f.AWS.EndpointURL = c.flag
			if got := f.endpointLike("AWS_ENDPOINT_URL_COGNITO_IDENTITY"); got != c.want {
				t.Errorf("endpoint = %q, want %q", got, c.want)
			}
		})
	}
}
