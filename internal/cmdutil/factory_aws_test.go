package cmdutil

import "testing"

// With Cognito pointed at an emulator, the generated functions are left
// alone unless Lambda has an endpoint of its own: they never go to AWS
// beside a local pool.
func TestFunctionClientsOnlyWhereLambdaIsReachable(t *testing.T) {
	for _, c := range []struct {
		name, flag string
		env        map[string]string
		want       bool
	}{
		{"AWS", "", nil, true},
		{"--endpoint-url", "http://127.0.0.1:9229", nil, false},
		{"--endpoint-url beside a Lambda endpoint", "http://127.0.0.1:9229", map[string]string{"AWS_ENDPOINT_URL_LAMBDA": "http://other"}, false},
		{"Cognito's variable", "", map[string]string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:9229"}, false},
		{"Lambda's own variable", "", map[string]string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:9229", "AWS_ENDPOINT_URL_LAMBDA": "http://other"}, true},
		{"the global variable", "", map[string]string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:9229", "AWS_ENDPOINT_URL": "http://all"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL"} {
				t.Setenv(k, c.env[k])
			}
			f := &Factory{}
			f.AWS.EndpointURL = c.flag
			if got := f.lambdaReachable(); got != c.want {
				t.Errorf("reachable = %v, want %v", got, c.want)
			}
		})
	}
}
