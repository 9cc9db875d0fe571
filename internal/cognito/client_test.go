package cognito

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/config"
)

// server answers every request with one Cognito error and counts requests.
func server(t *testing.T, status int, code, msg string) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"__type":%q,"message":%q}`, code, msg)
	}))
	t.Cleanup(s.Close)
	return s, &n
}

func TestRetryer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		status   int
		code     string
		attempts int32
	}{
		// A daily email quota does not pass with time: two tries, then the message.
		{"limit exceeded", 400, "LimitExceededException", 2},
		// cognito-local has no such operation; retrying will not add it.
		{"unsupported", 500, "Unsupported", 1},
		{"not found", 400, "ResourceNotFoundException", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, n := server(t, tc.status, tc.code, "Exceeded daily email limit for the operation or the account.")
			api, err := New(context.Background(), Options{Region: "us-east-1", EndpointURL: s.URL, Credentials: credentials.NewStaticCredentialsProvider("a", "b", "")})
			if err != nil {
				t.Fatal(err)
			}
			_, err = api.DescribeUserPool(context.Background(), &cip.DescribeUserPoolInput{UserPoolId: aws.String("p")})
			if err == nil || !strings.Contains(err.Error(), tc.code) {
				t.Fatalf("err = %v", err)
			}
			if got := n.Load(); got != tc.attempts {
				t.Errorf("%d attempts, want %d", got, tc.attempts)
			}
		})
	}
}

func TestManagedTagsRoundTrip(t *testing.T) {
	t.Parallel()
	keys := map[string]bool{}
	for i := 0; i < 70; i++ {
		keys[ManagedKey(KindGroup, fmt.Sprintf("group %d, with odd chars: ü/%d", i, i))] = true
	}
	tags := ManagedTags("App", keys)
	if len(tags) != 4 { // resource name + 3 managed tags of at most 28 entries
		t.Fatalf("%d tags: %v", len(tags), tags)
	}
	for k, v := range tags {
		if len(v) > 256 || len(k) > 128 {
			t.Errorf("tag %s is too long (%d)", k, len(v))
		}
	}
	back := parseManaged(tags)
	if len(back) != len(keys) {
		t.Fatalf("read back %d keys, want %d", len(back), len(keys))
	}
	for k := range keys {
		if !back[k] {
			t.Errorf("lost %s", k)
		}
	}
}

// A create whose connection breaks after the request went out is not sent
// again: Cognito may have made the pool, and a retry would make a second
// one with the same resource-name tag.
func TestCreateIsNotResentAfterABrokenConnection(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close() // the request arrived; the answer never leaves
		}
	}))
	t.Cleanup(s.Close)
	api, err := New(context.Background(), Options{Region: "us-east-1", EndpointURL: s.URL, Credentials: credentials.NewStaticCredentialsProvider("a", "b", "")})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{ResourceName: "Once", UserPool: config.UserPool{Name: "OncePool"}}
	if _, _, err := CreatePool(context.Background(), api, cfg, nil); err == nil {
		t.Fatal("CreatePool succeeded against a server that never answers")
	}
	if got := n.Load(); got != 1 {
		t.Errorf("CreateUserPool was sent %d times, want once", got)
	}
	n.Store(0)
	if _, err := CreateClient(context.Background(), api, "us-east-1_x", &config.AppClient{Name: "web"}); err == nil {
		t.Fatal("CreateClient succeeded against a server that never answers")
	}
	if got := n.Load(); got != 1 {
		t.Errorf("CreateUserPoolClient was sent %d times, want once", got)
	}
}
