package userstest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
)

// PagedServer is a fake Cognito endpoint for ListUsers over a pool of n
// made-up users (user-00000, ...), served in pages of at most 60 chained
// by PaginationToken as AWS does, holding nothing but the page it writes;
// cognito-local returns every user in one page. It returns the base URL.
func PagedServer(tb testing.TB, n int) string {
	created := float64(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).Unix())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Target") != "AWSCognitoIdentityProviderService.ListUsers" {
			http.Error(w, `{"__type":"UnknownOperationException"}`, http.StatusBadRequest)
			return
		}
		var in struct {
			Limit           int
			PaginationToken string
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, `{"__type":"SerializationException"}`, http.StatusBadRequest)
			return
		}
		if in.Limit <= 0 || in.Limit > users.PageSize {
			in.Limit = users.PageSize
		}
		from, _ := strconv.Atoi(in.PaginationToken)
		to := min(from+in.Limit, n)
		type attr struct{ Name, Value string }
		type user struct {
			Username             string
			Attributes           []attr
			Enabled              bool
			UserStatus           string
			UserCreateDate       float64
			UserLastModifiedDate float64
		}
		page := struct {
			Users           []user
			PaginationToken string `json:",omitempty"`
		}{Users: make([]user, 0, to-from)}
		for i := from; i < to; i++ {
			page.Users = append(page.Users, user{
				Username: fmt.Sprintf("user-%05d", i),
				Attributes: []attr{
					{"sub", fmt.Sprintf("00000000-0000-4000-8000-%012d", i)},
					{"email", fmt.Sprintf("user-%05d@example.com", i)},
					{"email_verified", "true"},
					{"name", fmt.Sprintf("User Number %d", i)},
				},
				Enabled: true, UserStatus: "CONFIRMED", UserCreateDate: created, UserLastModifiedDate: created,
			})
		}
		if to < n {
			page.PaginationToken = strconv.Itoa(to)
		}
		body, err := json.Marshal(page)
		if err != nil {
			http.Error(w, `{"__type":"InternalErrorException"}`, http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// PagedClient is a real SDK client pointed at a PagedServer of n users.
func PagedClient(tb testing.TB, n int) cognito.API {
	tb.Helper()
	api, err := cognito.New(context.Background(), cognito.Options{
		Region: "us-east-1", EndpointURL: PagedServer(tb, n),
		Credentials: credentials.NewStaticCredentialsProvider("paged", "paged", ""),
	})
	if err != nil {
		tb.Fatalf("client for the paged server: %v", err)
	}
	return api
}
