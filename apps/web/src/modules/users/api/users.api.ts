import type { CreateUser, UpdateUser, UserDto } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export interface UserListResponse {
  items: UserDto[];
  total: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (limit: number, offset: number) => ['users', 'list', limit, offset] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function listUsers(client: ApiClient, limit: number, offset: number, signal?: AbortSignal) {
  return client.get<UserListResponse>('/api/v1/users', { limit, offset }, signal);
}

export function getUser(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<UserDto>(`/api/v1/users/${encodeURIComponent(id)}`, undefined, signal);
}

export function createUser(client: ApiClient, body: CreateUser) {
  return client.post<UserDto>('/api/v1/users', body);
}

export function updateUser(client: ApiClient, id: string, body: UpdateUser) {
  return client.patch<UserDto>(`/api/v1/users/${encodeURIComponent(id)}`, body);
}

export function resetPassword(client: ApiClient, id: string, password: string) {
  return client.post<void>(`/api/v1/users/${encodeURIComponent(id)}/reset-password`, { password });
}
