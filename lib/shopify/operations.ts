/**
 * The Admin GraphQL operations Plinth sends (API version SHOPIFY_API_VERSION), as documented by Shopify:
 * shop + currentAppInstallation.accessScopes (connect), products(query:) (search), product(id:) (the product is in
 * this store), stagedUploadsCreate -> upload -> fileCreate -> node(id:) polled until READY/FAILED ->
 * fileUpdate(referencesToAdd) (attach to the product), fileDelete (the replaced media). The test fake
 * (tests/fakes/shopify-fake.ts) answers these by operation name.
 */
export const SHOPIFY_API_VERSION = "2026-10";

export const SHOP_QUERY = /* GraphQL */ `
  query PlinthShop {
    shop {
      name
      myshopifyDomain
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

export const PRODUCT_SEARCH_QUERY = /* GraphQL */ `
  query PlinthProductSearch($query: String!) {
    products(first: 10, query: $query, sortKey: TITLE) {
      nodes {
        id
        title
        handle
        status
        featuredMedia {
          preview {
            image {
              url(transform: { maxWidth: 96, maxHeight: 96 })
            }
          }
        }
      }
    }
  }
`;

export const PRODUCT_QUERY = /* GraphQL */ `
  query PlinthProduct($id: ID!) {
    product(id: $id) {
      id
      title
    }
  }
`;

export const STAGED_UPLOADS_CREATE = /* GraphQL */ `
  mutation PlinthStagedUploadsCreate($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        resourceUrl
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const FILE_CREATE = /* GraphQL */ `
  mutation PlinthFileCreate($files: [FileCreateInput!]!) {
    fileCreate(files: $files) {
      files {
        id
        fileStatus
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const FILE_STATUS_QUERY = /* GraphQL */ `
  query PlinthFileStatus($id: ID!) {
    node(id: $id) {
      ... on File {
        id
        fileStatus
        fileErrors {
          code
          details
          message
        }
      }
    }
  }
`;

export const FILE_ATTACH = /* GraphQL */ `
  mutation PlinthFileAttach($files: [FileUpdateInput!]!) {
    fileUpdate(files: $files) {
      files {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const FILE_DELETE = /* GraphQL */ `
  mutation PlinthFileDelete($fileIds: [ID!]!) {
    fileDelete(fileIds: $fileIds) {
      deletedFileIds
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** A product's media ids in gallery order (a push places at most a few dozen; 250 is the page maximum). */
export const PRODUCT_MEDIA_QUERY = /* GraphQL */ `
  query PlinthProductMedia($id: ID!) {
    product(id: $id) {
      media(first: 250) {
        nodes {
          id
        }
      }
    }
  }
`;

/** Moves media to zero-based positions; Shopify applies it in an asynchronous job (the gallery follows shortly). */
export const PRODUCT_REORDER_MEDIA = /* GraphQL */ `
  mutation PlinthProductReorderMedia($id: ID!, $moves: [MoveInput!]!) {
    productReorderMedia(id: $id, moves: $moves) {
      job {
        id
        done
      }
      mediaUserErrors {
        field
        message
        code
      }
    }
  }
`;
