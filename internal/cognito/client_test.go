package cognito

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
	if _, err := CreatePool(context.Background(), api, cfg, nil); err == nil {
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

// A create answered 500 or 503 is not sent again: Cognito may have made
// the pool before failing to answer.
func TestCreateIsNotResentAfterA5xx(t *testing.T) {
	t.Parallel()
	for _, status := range []int{500, 503} {
		s, n := server(t, status, "InternalErrorException", "An internal error occurred.")
		api, err := New(context.Background(), Options{Region: "us-east-1", EndpointURL: s.URL, Credentials: credentials.NewStaticCredentialsProvider("a", "b", ""), RetryMaxBackoff: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		cfg := &config.Config{ResourceName: "Once", UserPool: config.UserPool{Name: "OncePool"}}
		_, err = CreatePool(context.Background(), api, cfg, nil)
		if err == nil || !IsAmbiguous(err) {
			t.Fatalf("%d: err = %v, want an ambiguous failure", status, err)
		}
		if got := n.Load(); got != 1 {
			t.Errorf("%d: CreateUserPool was sent %d times, want once", status, got)
		}
		// A read is retried as usual.
		n.Store(0)
		if _, err := api.DescribeUserPool(context.Background(), &cip.DescribeUserPoolInput{UserPoolId: aws.String("p")}); err == nil {
			t.Fatal("describe succeeded")
		}
		if got := n.Load(); got < 2 {
			t.Errorf("%d: DescribeUserPool was sent %d times, want retries", status, got)
		}
	}
}

// A server that never answers ends the call after the attempt timeout,
// with a message that says so, for a create (sent once) and for a read
// (retried until the call's deadline).
func TestStalledServerTimesOut(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var n atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); s.Close() })
	api, err := New(context.Background(), Options{Region: "us-east-1", EndpointURL: s.URL, Credentials: credentials.NewStaticCredentialsProvider("a", "b", ""),
		RetryMaxBackoff: time.Millisecond, Timeouts: Timeouts{Attempt: 100 * time.Millisecond, Call: 500 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = CreatePool(context.Background(), api, &config.Config{UserPool: config.UserPool{Name: "Stall"}}, nil)
	var te *TimeoutError
	if !errors.As(err, &te) || !IsAmbiguous(err) || n.Load() != 1 {
		t.Fatalf("create: err = %v after %d sends, want one send and a timeout", err, n.Load())
	}
	if msg := Friendly(err).Error(); !strings.Contains(msg, "no answer from Cognito within 100ms") {
		t.Errorf("message = %q", msg)
	}
	_, err = api.DescribeUserPool(context.Background(), &cip.DescribeUserPoolInput{UserPoolId: aws.String("p")})
	if !errors.As(err, &te) || te.After != 500*time.Millisecond {
		t.Fatalf("describe: err = %v, want the call's deadline", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
}
