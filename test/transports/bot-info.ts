import type { UserFromGetMe } from 'grammy/types';

/** The bot's identity as getMe would return it: grammY tests pass it so no getMe call is made. */
export const BOT_INFO: UserFromGetMe = {
  id: 987654321,
  is_bot: true,
  first_name: 'repaybot',
  username: 'yourbotname',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
